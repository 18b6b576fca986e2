import { and, asc, eq, inArray, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { chatMessages, customers, events, outbox, requests } from "../db/schema.ts";
import { writeAudit } from "./audit.ts";
import { addCounts, deleteOrphanCustomers, deleteRequests, type Counts } from "./erase.ts";

/** How long the live-event log is kept: far beyond any SSE reconnect (seconds) or a sleeping tab's resume. */
export const EVENTS_KEEP_MS = 7 * 24 * 60 * 60_000;

/** The moment before which a site's requests expire: `months` calendar months before `now`. */
export function retentionCutoff(months: number, now: Date): Date {
  return DateTime.fromJSDate(now, { zone: "utc" }).minus({ months }).toJSDate();
}

/**
 * Deletes up to `batch` of a site's requests with no activity since `cutoff` (neither the request nor
 * a chat line changed), with everything tied to them, in one transaction. Customers left with no
 * request go too; the others' counts are brought down. The batch's audit line (counts only) commits
 * with it, so a run cut short still leaves a true record. Returns what was deleted ({} when done).
 */
export async function pruneSiteBatch(db: Db, siteId: number, cutoff: Date, batch: number, now: Date): Promise<Counts> {
  return db.transaction(async (tx) => {
    const recentLine = sql`exists (select 1 from ${chatMessages} where ${chatMessages.requestId} = ${requests.id} and ${chatMessages.createdAt} >= ${cutoff.getTime()})`;
    // created_at bounds the scan through the (site, created_at) index; a request touched since is kept.
    const old = await tx
      .select({ id: requests.id, customerId: requests.customerId })
      .from(requests)
      .where(and(eq(requests.siteId, siteId), lt(requests.createdAt, cutoff), lt(requests.updatedAt, cutoff), sql`not ${recentLine}`))
      .orderBy(asc(requests.createdAt))
      .limit(batch);
    if (!old.length) return {};
    const counts = await deleteRequests(
      tx,
      siteId,
      old.map((r) => r.id),
    );
    const touched = [...new Set(old.map((r) => r.customerId))];
    await tx
      .update(customers)
      .set({ requestCount: sql`(select count(*) from ${requests} where ${requests.customerId} = ${customers.id})` })
      .where(inArray(customers.id, touched));
    addCounts(counts, { customers: await deleteOrphanCustomers(tx, siteId) });
    await writeAudit(tx, { siteId, actorUserId: null, kind: "retention.pruned", counts, now });
    return counts;
  });
}

/**
 * Deletes a site's finished outbox rows older than `cutoff` that belong to no request: the owner's
 * daily digests (which name shoppers) and test texts. Rows still to be sent are left alone.
 */
export async function pruneSiteOutbox(db: Db, siteId: number, cutoff: Date, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const { rowsAffected } = await tx
      .delete(outbox)
      .where(and(eq(outbox.siteId, siteId), isNull(outbox.requestId), lt(outbox.createdAt, cutoff), notInArray(outbox.status, ["pending", "sending"])));
    if (rowsAffected) await writeAudit(tx, { siteId, actorUserId: null, kind: "retention.pruned", counts: { outbox: rowsAffected }, now });
    return rowsAffected;
  });
}

/**
 * Deletes up to `batch` of the oldest live events older than `before`. Ids grow with time, so the
 * oldest rows come first and the scan stops at the first recent one instead of reading the table.
 */
export async function pruneEventsBatch(db: Db, before: Date, batch: number): Promise<number> {
  const oldest = await db.select({ id: events.id, createdAt: events.createdAt }).from(events).orderBy(asc(events.id)).limit(batch);
  const firstRecent = oldest.findIndex((e) => e.createdAt >= before);
  if (firstRecent === 0 || !oldest.length) return 0;
  const upTo = oldest[(firstRecent === -1 ? oldest.length : firstRecent) - 1]!.id;
  return (await db.delete(events).where(and(lte(events.id, upTo), lt(events.createdAt, before)))).rowsAffected;
}
