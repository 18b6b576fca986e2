import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsAfter, siteEventsAfter } from "../events/event-log.ts";
import { dueOutboxIds } from "../outbox/outbox-worker.ts";
import { dueReminders } from "../callbacks/reminder-worker.ts";
import { customerHistoryQuery, inboxPageQuery, pinnedQuery } from "../inbox/inbox.ts";
import { bucketCountsQuery, firstAnswersQuery, missedCallsQuery, ratingCountsQuery } from "../reports/report-queries.ts";
import { savedAnswerQuery } from "../answers/saved-answers.ts";
import { migrateDatabase, openDatabase, type Database } from "./client.ts";

// The owner's queries must use an index at any size: a scan of requests, customers or events at a million
// rows takes seconds, and the local driver is synchronous, so it would stall every shop on the process.
// These are the plans of the very query builders the services run (drizzle's toSQL), on a seeded database.

let database: Database;
let dir: string;
const BIG_TABLES = ["requests", "customers", "events", "outbox", "reminders", "chat_messages", "earlier", "line", "request_events", "e", "m", "saved_answers"];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "beckon-plans-"));
  database = await openDatabase(`file:${path.join(dir, "plans.db")}`);
  await migrateDatabase(database.db);
  // 20 sites, 2,000 customers, 6,000 requests with their events: small, but the planner has no statistics
  // here either (as in production, where nothing runs ANALYZE), so the plans are the ones a big file gets.
  await database.client.executeMultiple(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
      INSERT INTO sites (key, name, settings) SELECT 'site' || i, 'Site ' || i, '{}' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO customers (site_id, name, phone, first_seen_at, last_seen_at, request_count)
      SELECT 1 + i % 20, 'Shopper ' || i, '+1415555' || printf('%04d', i), 1700000000000 + i, 1700000000000 + i, 3 FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
      INSERT INTO requests (id, site_id, customer_id, kind, status, ref, fields, created_at, updated_at, spam_at)
      SELECT 'r' || i, 1 + (1 + i % 2000) % 20, 1 + i % 2000, CASE i % 3 WHEN 0 THEN 'callback' WHEN 1 THEN 'message' ELSE 'chat' END,
        CASE i % 4 WHEN 0 THEN 'done' WHEN 1 THEN 'in_progress' ELSE 'new' END, i,
        json_object('name', 'Shopper ' || i, 'note', 'about order ' || i), 1700000000000 + i * 1000, 1700000000000 + i * 1000,
        CASE WHEN i % 50 = 0 THEN 1700000000000 ELSE NULL END FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
      INSERT INTO events (site_id, topic, type, data, created_at) SELECT 1 + i % 20, 'inbox', 'request.created', '{}', 1700000000000 + i FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
      INSERT INTO outbox (site_id, request_id, channel, kind, audience, payload, status, next_attempt_at, created_at, updated_at)
      SELECT 1 + (i % 2000) % 20, 'r' || i, 'sms', 'alert', 'owner', '{"text":"x"}', CASE WHEN i % 100 = 0 THEN 'pending' ELSE 'sent' END, 1700000000000 + i, 1700000000000 + i, 1700000000000 + i FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
      INSERT INTO reminders (site_id, request_id, kind, key, due_at, status, created_at)
      SELECT 1 + (i % 2000) % 20, 'r' || i, 'untouched', 'untouched:r' || i, 1700000000000 + i, CASE WHEN i % 10 = 0 THEN 'pending' ELSE 'done' END, 1700000000000 FROM n;
  `);
});
afterAll(() => {
  database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The plan's lines for a drizzle query, e.g. "SEARCH requests USING INDEX requests_site_created (site_id=?)". */
async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const rows = await database.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never[] });
  if (process.env.PRINT_PLANS) console.info(sql, "\n  " + rows.rows.map((r) => String(r.detail)).join("\n  "));
  return rows.rows.map((r) => String(r.detail));
}

/** Plan lines that read a whole big table (a virtual table's own index, FTS5, is not a scan). */
const scans = (lines: string[]) => lines.filter((l) => /^SCAN /.test(l) && !/VIRTUAL TABLE/.test(l) && BIG_TABLES.includes(l.split(" ")[1]!));

describe("owner queries use an index", () => {
  const cursor = `${1700000000000 + 3000 * 1000}:r3000`;
  const inbox: [string, Record<string, string>][] = [
    ["the inbox list", {}],
    ["the next page (keyset cursor)", { before: cursor }],
    ["a status filter", { status: "new" }],
    ["a status filter, next page", { status: "in_progress", before: cursor }],
    ["a kind filter", { kind: "message" }],
    ["status and kind", { status: "done", kind: "chat" }],
    ["the Spam view", { status: "spam" }],
    ["search by name (FTS5)", { q: "Shopper 12" }],
    ["search by phone digits", { q: "(415) 555-0012" }],
    ["a short search", { q: "ab" }],
  ];
  it.each(inbox)("%s", async (_, query) => {
    const lines = await plan(inboxPageQuery(database.db, 3, query));
    expect(lines.join("\n")).toMatch(/SEARCH requests USING/);
    expect(scans(lines)).toEqual([]);
  });

  it("searches through the FTS5 index, not LIKE over every row", async () => {
    const lines = await plan(inboxPageQuery(database.db, 3, { q: "order 12" }));
    expect(lines.join("\n")).toMatch(/requests_search VIRTUAL TABLE/);
  });

  // FTS5's plan names its constraints: M (a MATCH), then > and < for a lower and an upper rowid bound.
  it.each([["a name", "Shopper 12"], ["phone digits", "(415) 555-0012"]])("searches %s within the site's rowid range of the FTS5 index, not every site's", async (_, q) => {
    const lines = await plan(inboxPageQuery(database.db, 3, { q }));
    expect(lines.join("\n")).toMatch(/SCAN requests_search VIRTUAL TABLE INDEX \d+:M\d*>\d*<\d*/);
    expect(scans(lines)).toEqual([]);
  });

  it("a customer's history, first and next page", async () => {
    for (const before of [undefined, cursor]) {
      const lines = await plan(customerHistoryQuery(database.db, 7, before));
      expect(lines.join("\n")).toMatch(/SEARCH requests USING (COVERING )?INDEX requests_customer/);
      expect(scans(lines)).toEqual([]);
    }
  });

  it("the pinned VIP requests start from the site's VIP customers, not from every open request of the site", async () => {
    const lines = await plan(pinnedQuery(database.db, 3));
    expect(lines.join("\n")).toMatch(/SEARCH requests USING (COVERING )?INDEX requests_customer/);
    expect(scans(lines)).toEqual([]);
  });

  it("the outbox claim, due reminders and the event tail", async () => {
    const now = new Date(1700000000000 + 10_000);
    for (const query of [dueOutboxIds(database.db, "sms", now, 16), dueReminders(database.db, now), eventsAfter(database.db, 100), siteEventsAfter(database.db, { siteId: 3, topic: "inbox" }, 100, 1000)]) {
      expect(scans(await plan(query))).toEqual([]);
    }
  });

  it("the reports: counts per quarter hour, first answers, missed calls (issue #15)", async () => {
    const range = { siteId: 3, from: new Date(1700000000000), to: new Date(1700000000000 + 90 * 86_400_000) };
    for (const query of [bucketCountsQuery(database.db, range), firstAnswersQuery(database.db, range), missedCallsQuery(database.db, range)]) {
      const lines = await plan(query);
      expect(lines.join("\n")).toMatch(/SEARCH requests USING (COVERING )?INDEX requests_site/);
      expect(scans(lines)).toEqual([]);
    }
  });

  it("the reports' ratings, by the site and when they were given", async () => {
    const range = { siteId: 3, from: new Date(1700000000000), to: new Date(1700000000000 + 90 * 86_400_000) };
    expect((await plan(ratingCountsQuery(database.db, range))).join("\n")).toMatch(/SEARCH request_ratings USING (COVERING )?INDEX request_ratings_site/);
  });

  it("a saved answer by its shortcut", async () => {
    expect((await plan(savedAnswerQuery(database.db, 3, "hours"))).join("\n")).toMatch(/SEARCH saved_answers USING INDEX saved_answers_site_shortcut/);
  });

  it("search finds what the old LIKE found: a word inside a name, phone digits, and drops what an edit removed", async () => {
    const ids = async (q: string) => (await inboxPageQuery(database.db, 15, { q })).map((r) => r.request.id);
    expect(await ids("hopper 13")).toContain("r13"); // a substring, as LIKE '%…%' matched
    expect(await ids("555-0014")).toContain("r13"); // its customer's phone (customer 14), by digits
    await database.client.execute("UPDATE requests SET fields = json_object('name', 'Renamed') WHERE id = 'r13'");
    expect(await ids("hopper 13")).not.toContain("r13");
    expect(await ids("Renamed")).toEqual(["r13"]);
  });
});
