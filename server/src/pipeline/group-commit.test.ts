import { eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../clock.ts";
import { migrateDatabase, openDatabase, type Database } from "../db/client.ts";
import { events, sites } from "../db/schema.ts";
import { createPipeline, type Committed } from "./commit.ts";

let database: Database | undefined;
let dir: string | undefined;
afterEach(() => {
  database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  database = dir = undefined;
});

async function setUp() {
  dir = mkdtempSync(path.join(tmpdir(), "beckon-group-"));
  database = await openDatabase(`file:${path.join(dir, "b.db")}`);
  await migrateDatabase(database.db);
  const wakes: Committed[] = [];
  const pipeline = createPipeline({ clock: systemClock, log: console, wakers: [(c) => wakes.push(c)] });
  return { db: database.db, pipeline, wakes };
}

describe("group commit", () => {
  it("changes that arrive together share commits; one that fails rolls back alone and rejects alone", async () => {
    const { db, pipeline, wakes } = await setUp();
    const change = (key: string, fail = false) =>
      pipeline.commit(db, async (tx, fx) => {
        const [site] = await tx.insert(sites).values({ key, name: key }).returning({ id: sites.id });
        await fx.emit({ siteId: site!.id, topic: "test", type: "made", data: { key } });
        if (fail) throw new Error(`${key} refused`);
        return key;
      });
    const outcomes = await Promise.allSettled(["a", "b", "c", "d", "e", "f"].map((k) => change(k, k === "c")));

    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))).toEqual(["a", "b", "c refused", "d", "e", "f"]);
    expect((await db.select({ key: sites.key }).from(sites)).map((s) => s.key).sort()).toEqual(["a", "b", "d", "e", "f"]);
    // The failed change's event went with its rows; everyone else's was kept and heard after its commit.
    expect((await db.select({ type: events.type }).from(events).where(eq(events.topic, "test"))).length).toBe(5);
    expect(wakes.flatMap((w) => w.events.map((e) => (e.data as { key: string }).key)).sort()).toEqual(["a", "b", "d", "e", "f"]);
    // All six were asked for in the same turn of the event loop: one commit, one wake.
    expect(wakes.length).toBe(1);
  });

  it("a lone change that fails leaves nothing and wakes nobody", async () => {
    const { db, pipeline, wakes } = await setUp();
    await expect(
      pipeline.commit(db, async (tx) => {
        await tx.insert(sites).values({ key: "x", name: "x" });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await db.select().from(sites)).toEqual([]);
    expect(wakes).toEqual([]);
  });
});
