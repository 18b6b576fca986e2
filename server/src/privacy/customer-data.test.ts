import { eq } from "drizzle-orm";
import { getTableName, type Table } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, blocklist, chatMessages, chats, customers, events, idempotencyKeys, outbox, reminders, requestEvents, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createMember, createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const JANE = { name: "Jane Doe", phone: "+14155550123", email: "jane@example.com" };
const BOB = { name: "Bob Stone", phone: "+14155550177", email: "bob@example.com" };
const personal = [customers, requests, requestEvents, chats, chatMessages, outbox, events, reminders, idempotencyKeys];

/** Every row of every table that can hold personal data, as one string per table. */
async function dump() {
  return Promise.all(personal.map(async (t: Table) => ({ table: getTableName(t), text: JSON.stringify(await h.db.select().from(t)) })));
}

/** One person through every channel: a call-back (phone), a message and a chat (email), with the owner's note, reply and answer. */
async function contact(who: typeof JANE, tag: string) {
  const callback = await (await post(h, "/api/v1/sites/shop/callbacks", { name: who.name, phone: who.phone, note: `${tag} callback note` }, { "Idempotency-Key": `key-${tag}-0001` })).json();
  const [customer] = await h.db.select().from(customers).where(eq(customers.phone, who.phone));
  // The same person later writes with their email: today only a merge would link the two, so link them here.
  await h.db.update(customers).set({ email: who.email }).where(eq(customers.id, customer!.id));
  const message = await (await post(h, "/api/v1/sites/shop/messages", { name: who.name, email: who.email, topic: `${tag} topic`, message: `${tag} message body` })).json();
  const token = `chat-token-${tag}-0123456789abcdefghijklmnop`;
  const chat = await (await post(h, "/api/v1/sites/shop/chats", { token, name: who.name, message: `${tag} chat line` })).json();
  expect((await post(h, `/api/v1/sites/shop/chats/${chat.id}/email`, { token, email: who.email })).status).toBe(200);
  expect((await ownerRequest(h, owner, "POST", `/api/admin/requests/${callback.id}/notes`, { text: `${tag} owner note` })).status).toBe(201);
  expect((await ownerRequest(h, owner, "POST", `/api/admin/requests/${message.id}/replies`, { text: `${tag} owner reply` })).status).toBe(201);
  expect((await ownerRequest(h, owner, "POST", `/api/admin/requests/${chat.id}/messages`, { text: `${tag} owner answer` })).status).toBe(201);
  return customer!.id;
}

async function setUp() {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ownerFirstName: "Mara" } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  owner = await signIn(h, "mara@fern.example");
  const jane = await contact(JANE, "jane");
  const bob = await contact(BOB, "bob");
  await h.worker.drain();
  const reminders = h.makeReminders();
  await reminders.drain(); // books today's digest
  h.clock.set("2026-11-23T23:00:00Z"); // 18:00 in New York: the digest names both
  await reminders.drain();
  return { jane, bob };
}

describe("a customer's data", () => {
  it("exports every channel of one customer and nothing of another", async () => {
    const { jane } = await setUp();
    const res = await ownerRequest(h, owner, "GET", `/api/admin/customers/${jane}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="customer-${jane}.json"`);
    const data = await res.json();
    expect(data.customer).toMatchObject(JANE);
    expect(data.requests.map((r: { kind: string }) => r.kind).sort()).toEqual(["callback", "chat", "message"]);
    const text = JSON.stringify(data);
    for (const part of ["jane callback note", "jane message body", "jane chat line", "jane owner note", "jane owner reply", "jane owner answer"]) expect(text).toContain(part);
    for (const part of [BOB.name, BOB.phone, BOB.email, "bob "]) expect(text).not.toContain(part);
    const [audit] = await h.db.select().from(auditLog);
    expect(audit).toMatchObject({ kind: "customer.exported", siteId: h.site.id, actorUserId: owner.userId, counts: { requests: 3 } });

    // A record with neither a request nor an address owns no notification (not "all of them").
    const [bare] = await h.db.insert(customers).values({ siteId: h.site.id, name: "Nobody", firstSeenAt: h.clock.now(), lastSeenAt: h.clock.now() }).returning();
    const empty = await (await ownerRequest(h, owner, "GET", `/api/admin/customers/${bare!.id}/export`)).json();
    expect(empty).toMatchObject({ requests: [], otherNotifications: [] });
  });

  it("deletes a customer with everything tied to them in one go, and leaves a line without their details", async () => {
    const { jane, bob } = await setUp();
    const before = await dump();
    expect(before.find((t) => t.table === "outbox")!.text).toMatch(/still open: #1 Jane Doe/);
    const janes = [JANE.name, JANE.phone, JANE.email, "jane "];
    expect(before.filter((t) => janes.some((part) => t.text.includes(part))).map((t) => t.table)).toEqual(
      expect.arrayContaining(["customers", "requests", "request_events", "chat_messages", "outbox", "events"]),
    );

    const res = await ownerRequest(h, owner, "DELETE", `/api/admin/customers/${jane}`);
    expect(res.status).toBe(200);
    const { deleted } = await res.json();
    expect(deleted).toMatchObject({ customers: 3 /* hers, and the empty records both chats started on */, requests: 3, chats: 1, idempotency_keys: 1 });

    for (const { table, text } of await dump()) {
      for (const part of janes) expect(text, `${table} still holds ${part}`).not.toContain(part);
    }
    // Bob is untouched (his digest line went with Jane's: it named both).
    const left = JSON.stringify(await dump());
    for (const part of [BOB.phone, BOB.email, "bob chat line", "bob owner note"]) expect(left).toContain(part);
    expect((await ownerRequest(h, owner, "GET", `/api/admin/customers/${bob}`)).status).toBe(200);
    expect((await ownerRequest(h, owner, "GET", `/api/admin/customers/${jane}`)).status).toBe(404);

    const lines = await h.db.select().from(auditLog);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: "customer.deleted", siteId: h.site.id, actorUserId: owner.userId, counts: deleted });
    expect(JSON.stringify(lines)).not.toMatch(/jane|415555/i);
  });

  it("lets only the site's owners export or delete, and only their own sites' customers", async () => {
    const { jane } = await setUp();
    const stranger = await createOwner(h, { email: "eve@other.example" });
    const eve = await signIn(h, "eve@other.example");
    expect((await ownerRequest(h, eve, "GET", `/api/admin/customers/${jane}/export`)).status).toBe(404);
    expect((await ownerRequest(h, eve, "DELETE", `/api/admin/customers/${jane}`)).status).toBe(404);
    expect(stranger.siteId).not.toBe(h.site.id);
    await createMember(h, { email: "sam@fern.example", siteId: h.site.id });
    const sam = await signIn(h, "sam@fern.example");
    expect((await ownerRequest(h, sam, "GET", `/api/admin/customers/${jane}/export`)).status).toBe(403);
    expect((await ownerRequest(h, sam, "DELETE", `/api/admin/customers/${jane}`)).status).toBe(403);
    expect(await h.db.select().from(customers).where(eq(customers.id, jane))).toHaveLength(1);
  });
  it("lists the blocks that name the customer in the export, and keeps them on delete without the deleted request", async () => {
    h = await createHarness();
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    owner = await signIn(h, "mara@fern.example");
    const spam = await (await post(h, "/api/v1/sites/shop/callbacks", { name: JANE.name, phone: JANE.phone })).json();
    const bobs = await (await post(h, "/api/v1/sites/shop/callbacks", { name: BOB.name, phone: BOB.phone })).json();
    const [jane] = await h.db.select().from(customers).where(eq(customers.phone, JANE.phone));
    await h.db.update(customers).set({ email: JANE.email }).where(eq(customers.id, jane!.id));
    expect((await ownerRequest(h, owner, "POST", `/api/admin/requests/${spam.id}/spam`)).status).toBe(200);
    expect((await ownerRequest(h, owner, "POST", `/api/admin/requests/${bobs.id}/spam`)).status).toBe(200);
    await h.db.insert(blocklist).values({ siteId: h.site.id, kind: "email", value: JANE.email, createdAt: h.clock.now() });

    const data = await (await ownerRequest(h, owner, "GET", `/api/admin/customers/${jane!.id}/export`)).json();
    expect(data.blocks.map((b: { kind: string; value: string }) => [b.kind, b.value]).sort()).toEqual([["email", JANE.email], ["phone", JANE.phone]]);
    expect(JSON.stringify(data)).not.toContain(BOB.phone);

    expect((await ownerRequest(h, owner, "DELETE", `/api/admin/customers/${jane!.id}`)).status).toBe(200);
    const blocks = await h.db.select().from(blocklist);
    // A spammer cannot get unblocked by being deleted; the block no longer points at the deleted request.
    expect(blocks.filter((b) => b.value === JANE.phone || b.value === JANE.email)).toHaveLength(2);
    expect(blocks.filter((b) => b.requestId === spam.id)).toEqual([]);
    expect(blocks.find((b) => b.value === BOB.phone)).toMatchObject({ requestId: bobs.id });
  });
});
