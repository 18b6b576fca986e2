import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../db/client.ts";
import { outbox, reminders } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

/** The SMS the reminders queued (alerts for new requests are left out). */
const reminderTexts = async () =>
  (await h.db.select().from(outbox).where(eq(outbox.channel, "sms")))
    .map((r) => (r.payload as { text: string }).text)
    .filter((t) => t.startsWith("Beckon:"));

async function callback(body: Record<string, unknown>) {
  const res = await post(h, "/api/v1/sites/shop/callbacks", { phone: "+14155550123", ...body });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

describe("reminders", () => {
  it("reminds at a booked call's time, once, never early, and not again after a restart", async () => {
    h = await createHarness(); // Monday 10:00 in New York
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const owner = await signIn(h, "mara@fern.example");
    const id = await callback({ name: "Jane Doe", when: "2026-11-23T19:00:00Z" }); // 14:00 New York
    await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${id}`, { status: "in_progress" });
    const worker = h.makeReminders();

    h.clock.set("2026-11-23T18:59:00Z");
    expect(await worker.drain()).toBe(0);
    h.clock.set("2026-11-23T19:00:00Z");
    expect(await worker.drain()).toBe(1);
    expect(await reminderTexts()).toEqual(["Beckon: time to call Jane Doe back (#1) +14155550123. Reply CALL #1 to be connected."]);

    // Another process on the same file, and this one again: nothing more.
    const other = await openDatabase(`file:${h.dbFile}`);
    await migrateDatabase(other.db);
    expect(await h.makeReminders(other.db).drain()).toBe(0);
    other.close();
    expect(await worker.drain()).toBe(0);
    expect(await reminderTexts()).toHaveLength(1);
  });

  it("nudges once about a request nobody touched, then lists what is open in the evening digest", async () => {
    h = await createHarness();
    await callback({ name: "Ann" });
    const worker = h.makeReminders();
    h.clock.advance(59 * 60_000);
    expect(await worker.drain()).toBe(0);
    h.clock.advance(2 * 60_000);
    expect(await worker.drain()).toBe(1);
    expect((await reminderTexts())[0]).toMatch(/^Beckon: #1 from Ann \(call-back\) has waited 61 min\. Reply CALL #1 or DONE #1\.\n/);
    expect(await worker.drain()).toBe(0);

    h.clock.set("2026-11-23T23:00:00Z"); // 18:00 in New York
    expect(await worker.drain()).toBe(1);
    expect((await reminderTexts())[1]).toBe("Beckon: 1 request still open: #1 Ann.\nhttps://shop.example/admin");
    expect(await worker.drain()).toBe(0);
    h.clock.set("2026-11-24T23:00:00Z"); // the next evening, still open
    expect(await worker.drain()).toBe(1);
  });

  it("counts waiting time from opening when a request arrives at night, and skips what was handled", async () => {
    h = await createHarness({ settings: { digestHour: null } });
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const owner = await signIn(h, "mara@fern.example");
    h.clock.set("2026-11-24T03:00:00Z"); // Monday 22:00 in New York: closed
    const night = await callback({ name: "Owl" });
    const [due] = await h.db.select().from(reminders).where(eq(reminders.requestId, night));
    expect(due!.dueAt).toEqual(new Date("2026-11-24T15:00:00Z")); // Tuesday 09:00 opening + 60 min

    await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${night}`, { status: "done" });
    h.clock.set("2026-11-24T15:00:00Z");
    expect(await h.makeReminders().drain()).toBe(0);
    const [handled] = await h.db.select().from(reminders).where(eq(reminders.requestId, night));
    expect(handled!.status).toBe("skipped");
  });
});
