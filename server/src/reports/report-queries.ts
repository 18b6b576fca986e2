import { and, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { requestEvents, requestRatings, requests } from "../db/schema.ts";

/** Requests are counted in quarter-hour buckets: fine enough to place each in any zone's local day and hour (even +05:30). */
export const BUCKET_MS = 15 * 60_000;

type Range = { siteId: number; from: Date; to: Date };

const inRange = ({ siteId, from, to }: Range) => and(eq(requests.siteId, siteId), gte(requests.createdAt, from), lt(requests.createdAt, to), isNull(requests.spamAt));

/** How many requests of each kind arrived in each quarter hour of the range (spam left out). */
export function bucketCountsQuery(db: Db, range: Range) {
  const bucket = sql<number>`cast(${requests.createdAt} / ${BUCKET_MS} as integer)`;
  return db
    .select({ kind: requests.kind, bucket, n: sql<number>`count(*)` })
    .from(requests)
    .where(inRange(range))
    .groupBy(requests.kind, bucket);
}

/**
 * Each request of the range with its first answer (an email reply, a call the shopper picked up, or the
 * owner's first chat line; null when none): the same answer as the widget's "usually answers within".
 * Bounded: a shop with more than 50,000 requests in 90 days is counted on its first 50,000.
 */
export function firstAnswersQuery(db: Db, range: Range) {
  const first = sql<number | null>`nullif(min(
    coalesce((select min(e.created_at) from request_events e where e.request_id = "requests"."id" and (e.type = 'reply' or (e.type = 'call' and json_extract(e.data, '$.leg') = 'shopper' and json_extract(e.data, '$.status') in ('in-progress', 'answered')))), 9e15),
    coalesce((select min(m.created_at) from chat_messages m where m.request_id = "requests"."id" and m.author = 'owner'), 9e15)
  ), 9e15)`;
  return db.select({ createdAt: requests.createdAt, first }).from(requests).where(inRange(range)).limit(50_000);
}

/**
 * Calls to the shopper that did not connect, on the range's requests: busy, no answer, failed,
 * cancelled, or completed without talking (what the call bridge records as "missed").
 */
export function missedCallsQuery(db: Db, range: Range) {
  const leg = sql`json_extract(${requestEvents.data}, '$.leg')`;
  const status = sql`json_extract(${requestEvents.data}, '$.status')`;
  const duration = sql`coalesce(json_extract(${requestEvents.data}, '$.duration'), 0)`;
  return db
    .select({ n: sql<number>`count(*)` })
    .from(requests)
    .innerJoin(requestEvents, eq(requestEvents.requestId, requests.id))
    .where(
      and(
        inRange(range),
        eq(requestEvents.type, "call"),
        sql`${leg} = 'shopper'`,
        sql`(${status} in ('busy', 'no-answer', 'failed', 'canceled') or (${status} = 'completed' and ${duration} = 0))`,
      ),
    );
}

/** The shoppers' ratings given in the range (issue #14), by score. */
export function ratingCountsQuery(db: Db, { siteId, from, to }: Range) {
  return db
    .select({ score: requestRatings.score, n: sql<number>`count(*)` })
    .from(requestRatings)
    .where(and(eq(requestRatings.siteId, siteId), gte(requestRatings.createdAt, from), lt(requestRatings.createdAt, to)))
    .groupBy(requestRatings.score);
}
