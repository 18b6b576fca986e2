import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { customers, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { rotateIdentitySecret } from "./identity-secret.ts";
import { identitySignature } from "./shop-context.ts";

let h: Harness;
afterEach(async () => h?.close());

const page = { url: "https://shop.example/plants/monstera?variant=big&token=s3cr3t", title: "Monstera deliciosa", referrer: "https://www.google.com/search?q=monstera" };

async function setUp() {
  h = await createHarness();
  const secret = await rotateIdentitySecret(h.db, h.site.id, h.clock.now());
  const jane = (signature = identitySignature(secret, "cust_42")) => ({
    page,
    locale: "en-US",
    timeZone: "Europe/London",
    identity: { id: "cust_42", name: "Jane Doe", email: "jane@example.com", since: "2022-03-01", orders: 12, signature },
    data: { cart: "$64", plan: "gold" },
  });
  return { secret, jane };
}

const callback = (context: unknown, phone = "+14155550123") => ({ name: "Jane", phone, when: "asap", context });
const message = (context: unknown, email = "jane@example.com") => ({ name: "Jane", email, message: "Where is my order?", context });
const smsBodies = () => h.twilio.messages.map((m) => m.body);

describe("shop context and verified identities", () => {
  it("stores the page, locale, zone and the shop's pairs with the request; the alert names a regular", async () => {
    const { jane } = await setUp();
    const res = await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    expect(res.status).toBe(201);
    const [row] = await h.db.select().from(requests);
    expect(row!.context).toMatchObject({
      page: { url: "/plants/monstera?variant=big", title: "Monstera deliciosa", referrer: "www.google.com" },
      locale: "en-US",
      timeZone: "Europe/London",
      identity: { verified: true, id: "cust_42", orders: 12 },
      data: { cart: "$64", plan: "gold" },
    });
    const [customer] = await h.db.select().from(customers);
    expect(customer).toMatchObject({ externalId: "cust_42", name: "Jane Doe", profile: { orders: 12, since: "2022-03-01" } });
    await h.worker.drain();
    expect(smsBodies()[0]).toContain("Regular, 12 orders, since 2022");
  });

  it("links a verified shopper's requests across channels and marks the second open one as asked again", async () => {
    const { jane } = await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    h.clock.advance(60 * 60_000);
    await post(h, "/api/v1/sites/shop/messages", message(jane(), "jane.other@example.com"));
    const rows = await h.db.select().from(requests).orderBy(requests.createdAt);
    expect(new Set(rows.map((r) => r.customerId)).size).toBe(1);
    expect(rows[0]!.repeat).toBeNull();
    expect(rows[1]!.repeat).toMatchObject({ time: 2, earlier: [{ id: rows[0]!.id, ref: rows[0]!.ref }] });
    await h.worker.drain();
    const alert = smsBodies().find((b) => b.startsWith("Jane again"));
    expect(alert).toMatch(/^Jane again - 2nd time today, open since 10:00\nMessage #2/);
  });

  it("counts the 3rd request in 14 days as asking again even when the earlier ones are done", async () => {
    const { jane } = await setUp();
    for (const day of [0, 4]) {
      h.clock.set(`2026-11-${String(9 + day).padStart(2, "0")}T15:00:00Z`);
      await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    }
    await h.db.update(requests).set({ status: "done" });
    h.clock.set("2026-11-17T15:00:00Z");
    await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    const [latest] = await h.db.select().from(requests).orderBy(requests.createdAt).limit(1).offset(2);
    expect(latest!.repeat).toMatchObject({ time: 3, openSince: null });
    await h.worker.drain();
    expect(smsBodies().at(-1)).toMatch(/^Jane again - 3rd time in 9 days\n/);
    // Outside the window and nothing open: not a repeat.
    await h.db.update(requests).set({ status: "done" });
    h.clock.set("2026-12-20T15:00:00Z");
    await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    const [fourth] = await h.db.select().from(requests).orderBy(requests.createdAt).limit(1).offset(3);
    expect(fourth!.repeat).toBeNull();
  });

  it("a forged signature is only 'says they are': no link to the verified record", async () => {
    const { jane } = await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    await post(h, "/api/v1/sites/shop/messages", message(jane("0".repeat(64))));
    const rows = await h.db.select().from(requests).orderBy(requests.createdAt);
    expect(rows[1]!.customerId).not.toBe(rows[0]!.customerId);
    expect(rows[1]!.context?.identity).toMatchObject({ verified: false, id: "cust_42" });
    expect(rows[1]!.repeat).toBeNull();
    const [forgedCustomer] = await h.db.select().from(customers).where(eq(customers.id, rows[1]!.customerId));
    expect(forgedCustomer!.externalId).toBeNull();
  });

  it("a signature made with the secret before rotation no longer verifies", async () => {
    const { jane, secret } = await setUp();
    const old = identitySignature(secret, "cust_42");
    await rotateIdentitySecret(h.db, h.site.id, h.clock.now());
    await post(h, "/api/v1/sites/shop/callbacks", callback(jane(old)));
    const [row] = await h.db.select().from(requests);
    expect(row!.context?.identity?.verified).toBe(false);
  });
});

describe("one customer record: typed details never merge into a verified one", () => {
  it("a stranger typing Jane's phone or email gets a record of their own", async () => {
    const { jane } = await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", callback(jane()));
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Mallory", phone: "(415) 555-0123", when: "asap" });
    await post(h, "/api/v1/sites/shop/messages", { name: "Mallory", email: "jane@example.com", message: "hi" });
    const rows = await h.db.select().from(requests).orderBy(requests.createdAt);
    expect(new Set(rows.map((r) => r.customerId)).size).toBe(3);
    const [janeRecord] = await h.db.select().from(customers).where(eq(customers.externalId, "cust_42"));
    expect(janeRecord).toMatchObject({ requestCount: 1, phone: "+14155550123", email: "jane@example.com" });
    expect(rows[1]!.repeat).toBeNull();
    await h.worker.drain();
    expect(smsBodies()[1]).not.toMatch(/again|Returning|request since/);
  });

  it("typed details still group typed-only records (no identify), as before", async () => {
    await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Sam", phone: "+14155550177", when: "asap" });
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Sam", phone: "415 555 0177", when: "asap" });
    expect(await h.db.select().from(customers)).toHaveLength(1);
  });

  it("a verified identity adopts a record whose phone the call bridge proved", async () => {
    await setUp();
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Ann", phone: "+14155550188", when: "asap" });
    await h.db.update(customers).set({ phoneVerifiedAt: h.clock.now() });
    const secret = await rotateIdentitySecret(h.db, h.site.id, h.clock.now());
    await post(h, "/api/v1/sites/shop/callbacks", callback({ identity: { id: "ann", signature: identitySignature(secret, "ann") } }, "+14155550188"));
    const rows = await h.db.select().from(customers);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ externalId: "ann", requestCount: 2 });
  });
});
