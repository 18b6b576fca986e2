import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Database } from "../db/client.ts";
import { inboxPageQuery } from "./inbox.ts";

// The search index keys its rows by site (migration requests_search_by_site): a site's search reads only
// its own rowid range. These check that rows written before that migration are found after it, that
// later writes keep the index in step, and that a site never sees another's rows.

const drizzleFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));
let dir: string | undefined;
let database: Database | undefined;
afterEach(() => {
  database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  database = dir = undefined;
});

/** A copy of the migrations up to (not including) the one tagged `tag`, whatever its number. */
function migrationsBefore(tag: string): string {
  const folder = path.join(dir!, "drizzle-before");
  cpSync(drizzleFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const seed = (db: Database) =>
  db.client.executeMultiple(`
    INSERT INTO sites (id, key, name, settings) VALUES (1, 'one', 'One', '{}'), (2, 'two', 'Two', '{}');
    INSERT INTO customers (id, site_id, name, phone, email, first_seen_at, last_seen_at) VALUES
      (1, 1, 'Ada Lovelace', '+14155550101', 'ada@example.com', 1, 1),
      (2, 2, 'Ada Byron', '+14155550101', 'byron@example.com', 1, 1);
    INSERT INTO requests (id, site_id, customer_id, kind, status, ref, fields, created_at, updated_at) VALUES
      ('a1', 1, 1, 'callback', 'new', '1', json_object('name', 'Ada Lovelace', 'note', 'engines'), 1000, 1000),
      ('a2', 1, 1, 'message', 'new', '2', json_object('name', 'Ada Lovelace', 'message', 'notes on the engine'), 2000, 2000),
      ('b1', 2, 2, 'callback', 'new', '1', json_object('name', 'Ada Byron', 'note', 'engines too'), 3000, 3000);
  `);

const ids = async (db: Database, siteId: number, q: string) => (await inboxPageQuery(db.db, siteId, { q })).map((r) => r.request.id);

describe("the search index by site", () => {
  it("finds the rows written before the migration (backfilled), each in its own site only", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "beckon-search-"));
    database = await openDatabase(`file:${path.join(dir, "search.db")}`);
    await migrate(database.db, { migrationsFolder: migrationsBefore("requests_search_by_site") });
    await seed(database);
    await migrateDatabase(database.db);
    expect(await ids(database, 1, "engine")).toEqual(["a2", "a1"]);
    expect(await ids(database, 2, "engine")).toEqual(["b1"]);
    expect(await ids(database, 1, "byron")).toEqual([]);
    expect(await ids(database, 2, "(415) 555-0101")).toEqual(["b1"]); // the customer's phone, by digits
  });

  it("keeps in step with new, edited and deleted requests and changed customers", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "beckon-search-"));
    database = await openDatabase(`file:${path.join(dir, "search.db")}`);
    await migrateDatabase(database.db);
    await seed(database);
    const run = (sql: string) => database!.client.execute(sql);
    expect(await ids(database, 1, "Lovelace")).toEqual(["a2", "a1"]);
    await run("UPDATE requests SET fields = json_object('name', 'Grace Hopper') WHERE id = 'a1'");
    expect(await ids(database, 1, "Lovelace")).toEqual(["a2"]);
    expect(await ids(database, 1, "Hopper")).toEqual(["a1"]);
    await run("UPDATE customers SET email = 'countess@example.org' WHERE id = 1");
    expect(await ids(database, 1, "countess@")).toEqual(["a2", "a1"]);
    expect(await ids(database, 2, "countess@")).toEqual([]);
    await run("DELETE FROM requests WHERE id = 'a2'");
    expect(await ids(database, 1, "countess@")).toEqual(["a1"]);
    // One statement per row: contentless_delete needs the exact rowid, which the triggers compute alike.
    expect((await database.client.execute("SELECT count(*) AS n FROM requests_search")).rows[0]!.n).toBe(2);
  });
});
