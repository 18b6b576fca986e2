import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { reminders } from "../db/schema.ts";
import { isOpen, nextOpening } from "../sites/availability.ts";
import { preparedInsert } from "../db/prepared.ts";
import type { SiteSettings } from "../sites/site-settings.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The reminders a new request needs, written in the request's own transaction: one at a booked call's
 * time, and one if it is still untouched `escalateAfterMinutes` of opening time after it arrived (a
 * request at 3 a.m. is not "waiting" until the shop opens).
 */
export async function scheduleRequestReminders(
  tx: Tx,
  site: { id: number; settings: SiteSettings },
  request: { id: string; scheduledFor: Date | null },
  now: Date,
): Promise<void> {
  const rows: (typeof reminders.$inferInsert)[] = [];
  if (request.scheduledFor) {
    rows.push({ siteId: site.id, requestId: request.id, kind: "scheduled_call", key: `scheduled_call:${request.id}`, dueAt: request.scheduledFor, createdAt: now });
  }
  const after = site.settings.escalateAfterMinutes;
  if (after !== null) {
    const from = isOpen(site.settings, now) ? now : (nextOpening(site.settings, now) ?? now);
    rows.push({ siteId: site.id, requestId: request.id, kind: "untouched", key: `untouched:${request.id}`, dueAt: new Date(from.getTime() + after * 60_000), createdAt: now });
  }
  if (rows.length) await insertReminders(tx, rows);
}
const insertReminders = preparedInsert(reminders, ["siteId", "requestId", "kind", "key", "dueAt", "createdAt"], (q) => q.onConflictDoNothing() as typeof q);

/** The next digest of a site after `now`: today at `digestHour` local time if still ahead, else tomorrow. */
export function nextDigest(settings: Pick<SiteSettings, "timezone" | "digestHour">, now: Date): { key: string; at: Date } | null {
  if (settings.digestHour === null) return null;
  const local = DateTime.fromJSDate(now).setZone(settings.timezone);
  let at = local.set({ hour: settings.digestHour, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 }).set({ hour: settings.digestHour });
  return { key: at.toISODate()!, at: at.toJSDate() };
}
