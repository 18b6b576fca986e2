import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { outbox } from "../db/schema.ts";
import { alertSettingsLookup } from "../channels/sms/alert-settings.ts";
import { createHarness, OWNER_PHONE, post, type Harness } from "../../test/harness.ts";
import { writeBatcher } from "./write-batch.ts";

let h: Harness;
afterEach(async () => h?.close());

const request = { name: "Sam Lee", phone: "+14155550123", when: "asap" };

/** Counts the database's batches and queries (the real database; the calls are only counted). */
function counted(db: Harness["db"]) {
  const calls = { batch: 0, select: 0 };
  const batch = db.batch.bind(db);
  const select = db.select.bind(db);
  Object.assign(db, {
    batch: (q: Parameters<typeof batch>[0]) => (calls.batch++, batch(q)),
    select: (...a: Parameters<typeof select>) => (calls.select++, select(...a)),
  });
  return calls;
}

describe("the outbox's batched writes and lookups", () => {
  it("writes the outcomes asked for in one turn in one batch, and a bad one fails only its own caller", async () => {
    h = await createHarness();
    for (let i = 0; i < 5; i++) await post(h, "/api/v1/sites/shop/callbacks", { ...request, name: `Shopper ${i}` });
    const ids = (await h.db.select({ id: outbox.id }).from(outbox)).map((r) => r.id);
    const calls = counted(h.db);
    const write = writeBatcher(h.db);
    await Promise.all(ids.map((id) => write(h.db.update(outbox).set({ status: "sent" }).where(eq(outbox.id, id)))));
    expect(calls.batch).toBe(1);
    expect((await h.db.select({ status: outbox.status }).from(outbox)).map((r) => r.status)).toEqual(ids.map(() => "sent"));

    const results = await Promise.allSettled([
      write(h.db.update(outbox).set({ status: "failed" }).where(eq(outbox.id, ids[0]!))),
      write(h.db.update(outbox).set({ attempts: sql`no_such_column` }).where(eq(outbox.id, ids[1]!))),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((await h.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, ids[0]!)))[0]!.status).toBe("failed");
  });

  it("looks up the alert settings of the sends started in one turn with one query", async () => {
    h = await createHarness({ settings: { smsAlerts: false } });
    const calls = counted(h.db);
    const lookup = alertSettingsLookup(h.db);
    const rows = await Promise.all([lookup(h.site.id), lookup(h.site.id), lookup(h.site.id + 1000)]);
    expect(calls.select).toBe(1);
    expect(rows).toEqual([{ ownerPhone: OWNER_PHONE, smsAlerts: 0 }, { ownerPhone: OWNER_PHONE, smsAlerts: 0 }, undefined]);
  });
});
