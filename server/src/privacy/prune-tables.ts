import { and, eq, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client.ts";
import { blocklist, oneTimeLinks, phoneCodes, rateCounters, spentChallenges, twilioWebhookReceipts } from "../db/schema.ts";
import { LONGEST_WINDOW_MS } from "../rate-limit/counters.ts";
import { ADDRESS_BLOCK_MS } from "../spam/blocklist.ts";

const DAY = 24 * 3600_000;
/** Twilio retries a webhook for hours at most; a week covers any replay worth refusing. */
export const RECEIPTS_KEEP_MS = 7 * DAY;

/** A table's rows that no longer serve anything, found through an index on the time column. */
type Prunable = { name: string; table: SQLiteTable; dead: (now: Date) => SQL | undefined };

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/**
 * Tables that would otherwise grow forever or keep network addresses (rate-limit keys, sender hashes),
 * and when their rows are dead. Each condition starts from an indexed time column.
 */
export const PRUNABLE: Prunable[] = [
  { name: "twilio_webhook_receipts", table: twilioWebhookReceipts, dead: (now) => lt(twilioWebhookReceipts.createdAt, ago(now, RECEIPTS_KEEP_MS)) },
  // Only the window's start is stored: one that started a day and the longest window ago has ended over a day ago.
  { name: "rate_counters", table: rateCounters, dead: (now) => lt(rateCounters.windowStart, ago(now, DAY + LONGEST_WINDOW_MS)) },
  { name: "spent_challenges", table: spentChallenges, dead: (now) => lt(spentChallenges.expiresAt, now) },
  // A day's age also keeps the rows the per-day invite and per-hour reset and code limits count.
  {
    name: "one_time_links",
    table: oneTimeLinks,
    dead: (now) => and(lt(oneTimeLinks.createdAt, ago(now, DAY)), or(isNotNull(oneTimeLinks.usedAt), isNotNull(oneTimeLinks.revokedAt), lt(oneTimeLinks.expiresAt, now))),
  },
  { name: "phone_codes", table: phoneCodes, dead: (now) => and(lt(phoneCodes.createdAt, ago(now, DAY)), or(isNotNull(phoneCodes.usedAt), lt(phoneCodes.expiresAt, now))) },
  // Address blocks lapse after ADDRESS_BLOCK_MS (see spam/blocklist.ts); phone and email blocks stay.
  { name: "blocklist", table: blocklist, dead: (now) => and(eq(blocklist.kind, "sender"), lt(blocklist.createdAt, ago(now, ADDRESS_BLOCK_MS))) },
];

/** Deletes up to `batch` dead rows of one table; returns how many. */
export async function pruneTableBatch(db: Db, prunable: Prunable, now: Date, batch: number): Promise<number> {
  // SQLite has no DELETE … LIMIT by default: pick the rowids first, through the time index.
  const { rowsAffected } = await db.delete(prunable.table).where(sql`rowid in (select rowid from ${prunable.table} where ${prunable.dead(now)} limit ${batch})`);
  return rowsAffected;
}
