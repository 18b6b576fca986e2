import { afterEach, describe, expect, it } from "vitest";
import { customers, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

async function setUp() {
  h = await createHarness();
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  const session = await signIn(h, "owner@shop.example");
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await ownerRequest(h, session, method, `/api/admin${path}`, body);
    return { status: res.status, body: await res.json() };
  };
  return api;
}

describe("the owner's side of regulars", () => {
  it("filters 'asked again', orders 'waiting longest', and shows a VIP's open requests first", async () => {
    const api = await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Ann", phone: "+14155550101", when: "asap" });
    h.clock.advance(60_000);
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Bob", phone: "+14155550102", when: "asap" });
    h.clock.advance(60_000);
    await post(h, "/api/v1/sites/shop/messages", { name: "Ann", email: "ann@example.com", message: "me again" });
    h.clock.advance(60_000);
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Ann", phone: "+14155550101", when: "asap" });

    const again = await api("GET", "/sites/shop/requests?repeat=1");
    expect(again.body.requests.map((r: { name: string; repeat: { label: string } }) => [r.name, r.repeat.label])).toEqual([["Ann", "asked again (2nd time)"]]);
    expect(again.body.requests[0].standing).toBe("2nd request since 2026");

    const waiting = await api("GET", "/sites/shop/requests?sort=waiting");
    expect(waiting.body.requests.map((r: { name: string; kind: string }) => `${r.name} ${r.kind}`)).toEqual(["Ann callback", "Bob callback", "Ann message", "Ann callback"]);

    const bob = (await h.db.select().from(customers)).find((c) => c.name === "Bob")!;
    expect((await api("PUT", `/customers/${bob.id}/vip`, { vip: true })).body).toEqual({ vip: true });
    const list = await api("GET", "/sites/shop/requests");
    expect(list.body.pinned.map((r: { name: string; vip: boolean }) => [r.name, r.vip])).toEqual([["Bob", true]]);
  });

  it("merges the owner-confirmed suggestion into one timeline, and splits a request off again", async () => {
    const api = await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Cleo", phone: "+14155550103", when: "asap" });
    await post(h, "/api/v1/sites/shop/messages", { name: "Cleo", email: "cleo@example.com", message: "hello" });
    const [call, message] = await h.db.select().from(requests).orderBy(requests.createdAt);
    expect(call!.customerId).not.toBe(message!.customerId);

    const merged = await api("POST", `/customers/${call!.customerId}/merge`, { from: message!.customerId });
    expect(merged.status).toBe(200);
    const detail = await api("GET", `/customers/${call!.customerId}`);
    expect(detail.body.requests.map((r: { kind: string }) => r.kind).sort()).toEqual(["callback", "message"]);
    expect(detail.body.customer.requestCount).toBe(2);

    const split = await api("POST", `/requests/${message!.id}/split`);
    expect(split.status).toBe(200);
    const after = await api("GET", `/customers/${call!.customerId}`);
    expect(after.body.requests).toHaveLength(1);
    expect(after.body.customer.requestCount).toBe(1);
  });

  it("makes the identity secret once (shown in that answer only), owners only", async () => {
    const api = await setUp();
    expect((await api("GET", "/sites/shop/identity-secret")).body).toEqual({ createdAt: null });
    const made = await api("POST", "/sites/shop/identity-secret");
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^bk_id_/);
    const later = await api("GET", "/sites/shop/identity-secret");
    expect(later.body).toEqual({ createdAt: made.body.createdAt });
    expect(JSON.stringify(later.body)).not.toContain(made.body.secret);
  });
});
