import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

type Spec = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: Record<string, unknown> };
const spec = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8")) as Spec;
const METHODS = ["get", "post", "put", "patch", "delete"];

/** "METHOD /path/:param" for every documented operation, and for every mounted /api/v1 route. */
const documented = () => Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`));
const mounted = (app: Harness["app"]) => [...new Set(app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/")).map((r) => `${r.method} ${r.path}`))];

/** Validates a value against a schema of the document (its $refs resolve inside the document). */
function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...spec, $id: "openapi.json" });
  return (pointer: string, value: unknown) => {
    const validate = ajv.getSchema(`openapi.json#${pointer}`)!;
    return validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
  };
}
const responseSchema = (path: string, method: string, status: string) =>
  `/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/responses/${status}/content/application~1json/schema`;

describe("openapi.yaml", () => {
  it("is OpenAPI 3.1 and matches the mounted routes both ways", async () => {
    h = await createHarness();
    expect(spec.openapi).toMatch(/^3\.1\./);
    const routes = mounted(h.app);
    const docs = documented();
    expect(docs.filter((d) => !routes.includes(d)), "documented but not mounted").toEqual([]);
    expect(routes.filter((r) => !docs.includes(r)), "mounted under /api/v1 but not documented").toEqual([]);
    expect(docs).toEqual(expect.arrayContaining(["GET /api/v1/requests", "GET /api/v1/requests/:id", "PATCH /api/v1/requests/:id", "GET /api/v1/customers/:id"]));
  });

  it("describes what the API really answers", async () => {
    h = await createHarness();
    await createOwner(h, { email: "a@shop.example", siteId: h.site.id });
    const owner = await signIn(h, "a@shop.example");
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Jane Doe", phone: "(415) 555-0123", when: "asap", note: "Hi" });
    await post(h, "/api/v1/sites/shop/messages", { name: "Dee", email: "dee@example.com", message: "Hello there, a question." });
    const { secret } = await (await ownerRequest(h, owner, "POST", "/api/admin/api-tokens", { name: "t", sites: ["shop"] })).json();
    const get = (path: string) => h.app.request(path, { headers: { Authorization: `Bearer ${secret}` } });
    const check = validator();

    const list = await get("/api/v1/requests?limit=1");
    const page = await list.json();
    expect(page.requests).toHaveLength(1);
    expect(check(responseSchema("/api/v1/requests", "get", "200"), page)).toEqual([]);
    const next = await (await get(`/api/v1/requests?cursor=${page.nextCursor}`)).json();
    expect(check(responseSchema("/api/v1/requests", "get", "200"), next)).toEqual([]);

    const detail = await (await get(`/api/v1/requests/${page.requests[0].id}`)).json();
    expect(check("/components/responses/RequestDetail/content/application~1json/schema", detail)).toEqual([]);
    const customer = await (await get(`/api/v1/customers/${detail.request.customer.id}`)).json();
    expect(check(responseSchema("/api/v1/customers/{id}", "get", "200"), customer)).toEqual([]);
    const refused = await (await h.app.request("/api/v1/requests")).json();
    expect(check("/components/schemas/Error", refused)).toEqual([]);
    // The schema is strict enough to notice a change of shape.
    expect(check(responseSchema("/api/v1/requests", "get", "200"), { ...page, requests: [{ ...page.requests[0], extra: 1 }] })).not.toEqual([]);
  });
});
