import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createMember, createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const jane = { name: "Jane Doe", phone: "(415) 555-0123", when: "asap", note: "Order 1234" };

async function makeToken(owner: OwnerSession, sites: string[], name = "CRM sync") {
  const res = await ownerRequest(h, owner, "POST", "/api/admin/api-tokens", { name, sites });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: { id: number; prefix: string }; secret: string };
}

const api = (token: string | null, path: string, init: RequestInit = {}) =>
  h.app.request(path, { ...init, headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(init.body ? { "Content-Type": "application/json" } : {}) } });

/** Two accounts, each owning one site with a request on it. */
async function twoAccounts() {
  h = await createHarness();
  await createOwner(h, { email: "a@shop.example", siteId: h.site.id });
  await createOwner(h, { email: "b@other.example", siteKey: "other" });
  const a = await signIn(h, "a@shop.example");
  const b = await signIn(h, "b@other.example");
  const mine = await (await post(h, "/api/v1/sites/shop/callbacks", jane)).json();
  const theirs = await (await post(h, "/api/v1/sites/other/callbacks", { ...jane, name: "Bob Other" })).json();
  return { a, b, mine, theirs };
}

describe("owner API with personal tokens", () => {
  it("lists the token's requests and cannot see another account's", async () => {
    const { a, b, mine, theirs } = await twoAccounts();
    const { secret, token } = await makeToken(a, ["shop"]);
    expect(secret).toMatch(/^bk_[\w-]{32}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);

    const list = await api(secret, "/api/v1/requests");
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBe("no-store");
    const body = await list.json();
    expect(body.requests.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    expect(body.requests[0]).toMatchObject({ site: "shop", kind: "callback", status: "new", customer: { name: "Jane Doe", phone: "+14155550123" } });

    expect((await api(secret, `/api/v1/requests/${theirs.id}`)).status).toBe(404);
    expect((await (await api(secret, "/api/v1/requests?site=other")).json()).requests).toEqual([]);
    const theirCustomer = (await (await api((await makeToken(b, ["other"])).secret, `/api/v1/requests/${theirs.id}`)).json()).request.customer.id;
    expect((await api(secret, `/api/v1/customers/${theirCustomer}`)).status).toBe(404);
    // Nor can a token be scoped to a site its maker does not own.
    const cross = await ownerRequest(h, a, "POST", "/api/admin/api-tokens", { name: "x", sites: ["other"] });
    expect(cross.status).toBe(400);
    expect((await cross.json()).error.fields.sites).toBeTruthy();
  });

  it("pages with a cursor and filters by status, kind, site and since", async () => {
    const { a } = await twoAccounts();
    const { secret } = await makeToken(a, ["shop"]);
    for (const name of ["Ann", "Ben", "Cat"]) {
      h.clock.advance(60_000);
      await post(h, "/api/v1/sites/shop/callbacks", { ...jane, name });
    }
    await post(h, "/api/v1/sites/shop/messages", { name: "Dee", email: "dee@example.com", message: "Hello there, a question." });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(secret, `/api/v1/requests?kind=callback&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { requests: { fields: { name: string } }[]; nextCursor: string | null };
      seen.push(...page.requests.map((r) => r.fields.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(["Cat", "Ben", "Ann", "Jane Doe"]);
    const since = new Date(h.clock.now().getTime() - 90_000).toISOString();
    expect((await (await api(secret, `/api/v1/requests?kind=callback&since=${since}`)).json()).requests.map((r: { fields: { name: string } }) => r.fields.name)).toEqual(["Cat", "Ben"]);
    expect((await (await api(secret, "/api/v1/requests?kind=message&site=shop")).json()).requests).toHaveLength(1);
    expect((await (await api(secret, "/api/v1/requests?status=done")).json()).requests).toHaveLength(0);
    const bad = await api(secret, "/api/v1/requests?status=closed&since=yesterday");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "validation_failed", fields: { status: expect.any(String), since: expect.any(String) } });
  });

  it("changes a status and adds a note, and shows the customer", async () => {
    const { a, mine } = await twoAccounts();
    const { secret } = await makeToken(a, ["shop"]);
    const res = await api(secret, `/api/v1/requests/${mine.id}`, { method: "PATCH", body: JSON.stringify({ status: "done", note: "Called from the CRM." }) });
    expect(res.status).toBe(200);
    const detail = await res.json();
    expect(detail.request.status).toBe("done");
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["status", "note"]));
    expect(detail.timeline.find((e: { type: string }) => e.type === "note")).toMatchObject({ data: { text: "Called from the CRM." }, actorUserId: a.userId });
    expect((await api(secret, `/api/v1/requests/${mine.id}`, { method: "PATCH", body: JSON.stringify({}) })).status).toBe(400);
    const customer = await (await api(secret, `/api/v1/customers/${detail.request.customer.id}`)).json();
    expect(customer).toMatchObject({ customer: { name: "Jane Doe" }, requests: [{ id: mine.id }] });
  });

  it("refuses missing, wrong and revoked tokens in the house error format, and records last use", async () => {
    const { a } = await twoAccounts();
    const none = await api(null, "/api/v1/requests");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect(await none.json()).toMatchObject({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect((await api("bk_notarealtoken", "/api/v1/requests")).status).toBe(401);

    const { secret, token } = await makeToken(a, ["shop"]);
    expect((await api(secret, "/api/v1/requests")).status).toBe(200);
    const listed = await (await ownerRequest(h, a, "GET", "/api/admin/api-tokens")).json();
    expect(listed.tokens).toEqual([expect.objectContaining({ id: token.id, sites: ["shop"], lastUsedAt: h.clock.now().toISOString() })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await ownerRequest(h, a, "DELETE", `/api/admin/api-tokens/${token.id}`)).status).toBe(204);
    expect((await api(secret, "/api/v1/requests")).status).toBe(401);

    // Wrong tokens are limited per address (20 per 10 minutes); a live token still works from there.
    let guess: Response | undefined;
    for (let i = 0; i < 20; i++) guess = await api(`bk_guess${i}`, "/api/v1/requests");
    expect(guess!.status).toBe(429);
    expect((await api((await makeToken(a, ["shop"], "second")).secret, "/api/v1/requests")).status).toBe(200);
  });

  it("is rate-limited per token with the database counters", async () => {
    const { a } = await twoAccounts();
    const { secret } = await makeToken(a, ["shop"]);
    let last: Response | undefined;
    for (let i = 0; i < 121; i++) last = await api(secret, "/api/v1/requests?limit=1");
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe("rate_limited");
    h.clock.advance(60_000);
    expect((await api(secret, "/api/v1/requests?limit=1")).status).toBe(200);
  });

  it("lets members make tokens only for sites they own", async () => {
    h = await createHarness();
    await createMember(h, { email: "m@shop.example", siteId: h.site.id });
    const m = await signIn(h, "m@shop.example");
    const res = await ownerRequest(h, m, "POST", "/api/admin/api-tokens", { name: "mine", sites: ["shop"] });
    expect(res.status).toBe(400);
    expect((await (await ownerRequest(h, m, "GET", "/api/admin/api-tokens")).json()).sites).toEqual([]);
  });
});
