import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { siteMembers, sites, users, weeklySummariesSent, weeklySummaryOptIns } from "../db/schema.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { newMessageId } from "../channels/email/email.ts";
import { periodicLoop } from "../periodic-loop.ts";
import { readSettings } from "../sites/site-settings.ts";
import { siteReport } from "./reports.ts";
import { weeklySummaryEmail } from "./weekly-summary-text.ts";

/** The summary goes out on Monday at this hour, in the site's zone. */
export const SUMMARY_HOUR = 8;

/** Whether this person gets the site's weekly summary (off until they turn it on). */
export async function weeklySummaryWanted(db: Db, siteId: number, userId: number): Promise<boolean> {
  const [row] = await db.select({ siteId: weeklySummaryOptIns.siteId }).from(weeklySummaryOptIns).where(and(eq(weeklySummaryOptIns.siteId, siteId), eq(weeklySummaryOptIns.userId, userId)));
  return !!row;
}

/** Turns one person's weekly summary of a site on or off. */
export async function setWeeklySummary(deps: { db: Db; clock: Clock }, siteId: number, userId: number, enabled: boolean): Promise<void> {
  if (enabled) await deps.db.insert(weeklySummaryOptIns).values({ siteId, userId, createdAt: deps.clock.now() }).onConflictDoNothing();
  else await deps.db.delete(weeklySummaryOptIns).where(and(eq(weeklySummaryOptIns.siteId, siteId), eq(weeklySummaryOptIns.userId, userId)));
}

/** The latest Monday 08:00 (site zone) at or before `now`, and the Monday 00:00 that ends the week it reports. */
export function lastSummaryTime(zone: string, now: Date): { week: string; dueAt: Date; weekEnd: Date } {
  const local = DateTime.fromJSDate(now).setZone(zone);
  let monday = local.startOf("week"); // luxon weeks start on Monday
  if (local < monday.set({ hour: SUMMARY_HOUR })) monday = monday.minus({ weeks: 1 });
  return { week: monday.toISODate()!, dueAt: monday.set({ hour: SUMMARY_HOUR }).toJSDate(), weekEnd: monday.toJSDate() };
}

export type WeeklySummaryDeps = { db: Db; clock: Clock; publicUrl: string; mailFrom: { name: string; address: string }; pollMs: number; log: Pick<Console, "error">; onQueued: () => void };

/**
 * Sends each opted-in person their site's summary of the week before, once a week after Monday 08:00
 * in the site's zone. The `weekly_summaries_sent` row (unique per site, person and week) and the
 * outbox email commit together: a restart, a second run or a second process finds the row and sends
 * nothing more. Someone who turns it on mid-week gets the first one the next Monday.
 */
export function createWeeklySummaryWorker(deps: WeeklySummaryDeps) {
  const { db, clock } = deps;

  async function drain(): Promise<number> {
    const now = clock.now();
    const wanted = await db
      .select({ siteId: sites.id, key: sites.key, name: sites.name, settings: sites.settings, userId: users.id, email: users.email, since: weeklySummaryOptIns.createdAt })
      .from(weeklySummaryOptIns)
      .innerJoin(sites, eq(sites.id, weeklySummaryOptIns.siteId))
      .innerJoin(users, eq(users.id, weeklySummaryOptIns.userId))
      // Only while they still work on the site: someone removed from the team gets no more figures.
      .innerJoin(siteMembers, and(eq(siteMembers.siteId, weeklySummaryOptIns.siteId), eq(siteMembers.userId, weeklySummaryOptIns.userId)));
    let queued = 0;
    for (const w of wanted) {
      const settings = readSettings(w.settings);
      const { week, dueAt, weekEnd } = lastSummaryTime(settings.timezone, now);
      if (w.since > dueAt) continue;
      const [already] = await db
        .select({ week: weeklySummariesSent.week })
        .from(weeklySummariesSent)
        .where(and(eq(weeklySummariesSent.siteId, w.siteId), eq(weeklySummariesSent.userId, w.userId), eq(weeklySummariesSent.week, week)));
      if (already) continue;
      const report = await siteReport(db, { id: w.siteId, settings }, 7, weekEnd);
      const mail = weeklySummaryEmail(report, { name: w.name }, `${deps.publicUrl}/admin/sites/${w.key}/reports`);
      const sent = await db.transaction(async (tx) => {
        const [claimed] = await tx
          .insert(weeklySummariesSent)
          .values({ siteId: w.siteId, userId: w.userId, week, createdAt: now })
          .onConflictDoNothing()
          .returning({ week: weeklySummariesSent.week });
        if (!claimed) return false;
        await enqueueEmail(tx, {
          siteId: w.siteId,
          requestId: null,
          kind: "weekly_summary",
          to: { shopper: w.email },
          payload: { ...mail, fromName: "Beckon", messageId: newMessageId(deps.mailFrom.address) },
          now,
        });
        return true;
      });
      if (sent) queued++;
    }
    if (queued) deps.onQueued();
    return queued;
  }

  const loop = periodicLoop(drain, { pollMs: deps.pollMs, onError: (err) => deps.log.error("weekly summaries failed", err) });
  return { drain, lastTick: loop.lastTick, start: loop.start, stop: loop.stop };
}
