import { DateTime } from "luxon";

/** Quiet hours as local times of the site's zone ("22:00" to "07:00"; may run past midnight). */
export type QuietHours = { from: string; to: string };

export const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the quiet hours holding `now` end, or null when `now` is outside them. Alerts are held until
 * then, never dropped. Wall-clock arithmetic in the zone, so a DST change moves the end with it.
 */
export function quietUntil(now: Date, zone: string, quiet: QuietHours | null): Date | null {
  if (!quiet || quiet.from === quiet.to) return null;
  const local = DateTime.fromJSDate(now).setZone(zone);
  const at = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inside = from < to ? at >= from && at < to : at >= from || at < to;
  if (!inside) return null;
  let end = local.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
