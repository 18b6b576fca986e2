import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import type { ReadScope } from "../db/owner-reads.ts";
import { requests } from "../db/schema.ts";
import { t, tn } from "../i18n/catalog.ts";
import type { Locale } from "../i18n/locales.ts";

export const REPLY_STATS_DAYS = 30;
/** Fewer answered requests than this say nothing honest about a typical answer time. */
export const MIN_ANSWERED = 5;

/** The median of a list of durations; for an even count the larger middle value (never the flattering one). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A typical first-answer time, rounded up to the next step, so it is never better than the truth. */
export type ReplyTimeFigure = { unit: "minutes" | "hours" | "days"; count: number };

/** The median first answer as a figure, or null with fewer than `MIN_ANSWERED` answered requests. */
export function replyTimeFigure(firstAnswerMs: number[]): ReplyTimeFigure | null {
  if (firstAnswerMs.length < MIN_ANSWERED) return null;
  const minutes = Math.max(1, Math.ceil(median(firstAnswerMs) / 60_000));
  if (minutes <= 55) {
    const step = minutes <= 10 ? 5 : 15;
    return { unit: "minutes", count: Math.ceil(minutes / step) * step };
  }
  const hours = Math.ceil(minutes / 60);
  return hours < 48 ? { unit: "hours", count: hours } : { unit: "days", count: Math.ceil(hours / 24) };
}

const WITHIN = { minutes: "reply.within_minutes", hours: "reply.within", days: "reply.within_days" } as const;

/** "Usually answers within 2 hours", in the shopper's language. */
export function replyTimeText(figure: ReplyTimeFigure, locale: Locale = "en"): string {
  return t(locale, "trust.usually", { within: tn(locale, WITHIN[figure.unit], figure.count) });
}

/** The line from real first answers, or null with too few of them. */
export function replyTimeLine(firstAnswerMs: number[], locale: Locale = "en"): string | null {
  const figure = replyTimeFigure(firstAnswerMs);
  return figure && replyTimeText(figure, locale);
}

/**
 * How long each answered request of the last 30 days waited for its first answer: an email reply, a
 * call the shopper picked up, or the owner's first chat line. Spam is left out; unanswered requests are not counted.
 */
export async function firstAnswerTimes(db: Db, siteId: number, now: Date): Promise<number[]> {
  const since = new Date(now.getTime() - REPLY_STATS_DAYS * 86_400_000);
  const first = sql<number | null>`min(
    coalesce((select min(e.created_at) from request_events e where e.request_id = "requests"."id" and (e.type = 'reply' or (e.type = 'call' and json_extract(e.data, '$.leg') = 'shopper' and json_extract(e.data, '$.status') in ('in-progress', 'answered')))), 9e15),
    coalesce((select min(m.created_at) from chat_messages m where m.request_id = "requests"."id" and m.author = 'owner'), 9e15)
  )`;
  const rows = await db
    .select({ createdAt: requests.createdAt, first })
    .from(requests)
    .where(and(eq(requests.siteId, siteId), isNull(requests.spamAt), gte(requests.createdAt, since)))
    .limit(5000);
  return rows.filter((r) => r.first !== null && r.first < 9e15).map((r) => Number(r.first) - r.createdAt.getTime());
}

/**
 * The reply-time figure per site for the config (the widget's hot path): worked out at most every 10
 * minutes, on the reader thread when there is one (for a big shop it reads thousands of rows, which on
 * the main thread held every public answer of the process), and never waited for: the first config since
 * start-up goes without the line, and a figure older than 10 minutes is answered while its successor is
 * worked out, once.
 */
export function replyTimeCache(db: Db, offThread?: ReadScope) {
  const FRESH_MS = 10 * 60_000;
  const cache = new Map<number, { at: number; figure: ReplyTimeFigure | null }>();
  const working = new Map<number, Promise<ReplyTimeFigure | null>>();
  const refresh = (siteId: number, now: Date) => {
    let pending = working.get(siteId);
    if (!pending) {
      const read = () => firstAnswerTimes(db, siteId, now);
      pending = (offThread ? offThread(read) : read())
        .then((times) => {
          const figure = replyTimeFigure(times);
          cache.set(siteId, { at: now.getTime(), figure });
          return figure;
        })
        .finally(() => working.delete(siteId));
      working.set(siteId, pending);
    }
    return pending;
  };
  return async (siteId: number, now: Date): Promise<ReplyTimeFigure | null> => {
    const hit = cache.get(siteId);
    // Not known yet (the first config since start-up) or old: worked out for the next config. This one
    // goes without the line rather than wait behind an owner's heavy read on the reader thread.
    if (!hit || now.getTime() - hit.at >= FRESH_MS) void refresh(siteId, now).catch(() => {});
    return hit?.figure ?? null;
  };
}
