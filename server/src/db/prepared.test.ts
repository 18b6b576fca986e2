import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { events } from "./schema.ts";
import { encoded, placeholders, prepared } from "./prepared.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

let h: Harness;
afterEach(async () => h?.close());

const insertEvent = prepared((on) => on.insert(events).values(placeholders(["siteId", "topic", "type", "data", "createdAt"])).returning({ id: events.id }).prepare());
const eventsOfType = prepared((on) => on.select().from(events).where(eq(events.type, sql.placeholder("type"))).prepare());

describe("prepared queries", () => {
  it("are built once and run on the database and inside a transaction, where a rollback undoes them", async () => {
    h = await createHarness();
    const at = new Date("2026-11-30T12:00:00Z");
    await insertEvent(h.db).all(encoded(events, { siteId: h.site.id, topic: "t", type: "outside", data: { a: 1 }, createdAt: at }));
    await expect(
      h.db.transaction(async (tx) => {
        await insertEvent(tx).all(encoded(events, { siteId: h.site.id, topic: "t", type: "inside", data: { b: [2] }, createdAt: at }));
        expect(await eventsOfType(tx).all({ type: "inside" })).toHaveLength(1); // seen in its own transaction
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await eventsOfType(h.db).all({ type: "inside" })).toEqual([]);
    const [outside] = await eventsOfType(h.db).all({ type: "outside" });
    // Stored as the column stores it: JSON read back as an object, the instant as a Date.
    expect(outside).toMatchObject({ siteId: h.site.id, data: { a: 1 }, createdAt: at });
  });

  it("encodes nulls as null, not as JSON or a failed date", () => {
    expect(encoded(events, { data: null, createdAt: undefined, topic: "x" })).toEqual({ data: null, createdAt: null, topic: "x" });
    expect(encoded(events, { data: { a: 1 }, createdAt: new Date(5) })).toEqual({ data: '{"a":1}', createdAt: 5 });
  });
});
