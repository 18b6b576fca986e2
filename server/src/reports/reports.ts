import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import type { RequestKind } from "../db/schema.ts";
import { openingIntervals } from "../sites/availability.ts";
import type { SiteSettings } from "../sites/site-settings.ts";
import { median } from "../customers/reply-stats.ts";
import type { DayCounts, Report } from "@beckon/contract/reports";
import { bucketCountsQuery, BUCKET_MS, firstAnswersQuery, missedCallsQuery, ratingCountsQuery } from "./report-queries.ts";

export const REPORT_DAYS = [7, 30, 90] as const;
export type ReportDays = (typeof REPORT_DAYS)[number];

const KINDS: RequestKind[] = ["callback", "message", "chat"];

export type { DayCounts, Report } from "@beckon/contract/reports";

/**
 * When the shop promised to answer requests made between `from` and `to`: `replyWithinHours` after
 * each, or after the next opening for one that came in while closed (today's away notice is not
 * applied to the past). The openings are worked out once for the period and searched per request.
 */
export function promiseDeadlines(settings: SiteSettings, from: Date, to: Date): (at: Date) => number {
  const ms = settings.replyWithinHours * 3_600_000;
  // Two weeks past the end, as nextOpening looks: a request on the last evening still finds its opening.
  const openings = openingIntervals(settings, new Date(from.getTime() - 86_400_000), new Date(to.getTime() + 15 * 86_400_000));
  return (at) => {
    const t = at.getTime();
    let lo = 0;
    let hi = openings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (openings[mid]![1] <= t) lo = mid + 1;
      else hi = mid;
    }
    const next = openings[lo]; // the first opening that ends after t: t is inside it, or it is the next one
    if (!next) return t + ms;
    return Math.max(t, next[0]) + ms;
  };
}

/**
 * The figures for one site over the `days` local days that end at `now` (today so far included; the
 * weekly email passes Monday 00:00 for the week before). Every query is bounded and indexed
 * (db/query-plans.test.ts).
 */
export async function siteReport(db: Db, site: { id: number; settings: SiteSettings }, days: number, now: Date): Promise<Report> {
  const zone = site.settings.timezone;
  const today = DateTime.fromMillis(now.getTime() - 1, { zone }).startOf("day");
  const start = today.minus({ days: days - 1 });
  const range = { siteId: site.id, from: start.toJSDate(), to: now };

  const perDay = new Map<string, DayCounts>();
  for (let d = 0; d < days; d++) {
    const date = start.plus({ days: d }).toISODate()!;
    perDay.set(date, { date, callback: 0, message: 0, chat: 0 });
  }
  const busiestHours = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const totals = { requests: 0, callback: 0, message: 0, chat: 0 };
  for (const row of await bucketCountsQuery(db, range)) {
    const local = DateTime.fromMillis(Number(row.bucket) * BUCKET_MS, { zone });
    const n = Number(row.n);
    const day = perDay.get(local.toISODate()!);
    if (day && KINDS.includes(row.kind)) day[row.kind] += n;
    const weekday = busiestHours[local.weekday - 1]!;
    weekday[local.hour] = weekday[local.hour]! + n;
    totals.requests += n;
    if (KINDS.includes(row.kind)) totals[row.kind] += n;
  }

  const answers = await firstAnswersQuery(db, range);
  const waits = answers.filter((a) => a.first !== null).map((a) => Number(a.first) - a.createdAt.getTime());
  const deadlineOf = promiseDeadlines(site.settings, range.from, now);
  let due = 0;
  let within = 0;
  for (const a of answers) {
    const deadline = deadlineOf(a.createdAt);
    if (a.first !== null && Number(a.first) <= deadline) within++;
    if (a.first !== null || deadline <= now.getTime()) due++;
  }
  const [missed] = await missedCallsQuery(db, range);
  const ratings = { good: 0, okay: 0, bad: 0 };
  for (const row of await ratingCountsQuery(db, range)) if (row.score in ratings) ratings[row.score] = Number(row.n);

  return {
    days,
    timeZone: zone,
    from: start.toUTC().toISO()!,
    to: now.toISOString(),
    perDay: [...perDay.values()],
    totals,
    firstAnswer: { answered: waits.length, medianMs: waits.length ? median(waits) : null },
    withinPromise: { promiseHours: site.settings.replyWithinHours, due, within, share: due ? within / due : null },
    missedCalls: Number(missed?.n ?? 0),
    ratings,
    busiestHours,
  };
}
