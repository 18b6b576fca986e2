import { DateTime, Interval } from "luxon";
import { WEEKDAYS, type SiteSettings } from "./site-settings.ts";

type Hours = Pick<SiteSettings, "hours" | "timezone" | "awayUntil">;

/** The opening intervals of one calendar day in the site's zone (DST-safe: built from local wall times). */
function openingsOn(day: DateTime, settings: Hours): Interval[] {
  const key = WEEKDAYS[day.weekday - 1]!;
  return settings.hours[key].map(({ from, to }) => {
    const [fh, fm] = from.split(":").map(Number) as [number, number];
    const [th, tm] = to.split(":").map(Number) as [number, number];
    return Interval.fromDateTimes(day.set({ hour: fh, minute: fm }), day.set({ hour: th, minute: tm }));
  });
}

function awayAt(settings: Hours, at: DateTime): boolean {
  return settings.awayUntil !== null && DateTime.fromISO(settings.awayUntil) > at;
}

/**
 * A site's openings over the local days around an instant, as [start, end) ms in order, with the local
 * midnights that bound those days. Kept per settings object (parsed settings are shared while they do not
 * change, see sites.ts), so the zone math runs about once a day per site instead of on every request.
 */
type Window = { midnights: number[]; open: [number, number][]; awayUntil: number | null };
const WINDOW_DAYS = 17; // the day asked about (today or tomorrow in the window), plus the 15 days nextOpening looks at
const windows = new WeakMap<Hours, Window>();

function windowAt(settings: Hours, at: number): { w: Window; day: number } {
  const cached = windows.get(settings);
  const day = cached ? dayIndex(cached, at) : -1;
  if (cached && day >= 0 && day <= 1) return { w: cached, day };
  const first = DateTime.fromMillis(at).setZone(settings.timezone).startOf("day");
  const midnights = Array.from({ length: WINDOW_DAYS + 1 }, (_, d) => first.plus({ days: d }).toMillis());
  const open = openingIntervals(settings, new Date(midnights[0]!), new Date(midnights[WINDOW_DAYS - 1]!));
  const w = { midnights, open, awayUntil: settings.awayUntil === null ? null : DateTime.fromISO(settings.awayUntil).toMillis() };
  windows.set(settings, w);
  return { w, day: 0 };
}

/** Which local day of the window `at` falls on (0-based), or -1 outside it. */
function dayIndex(w: Window, at: number): number {
  for (let d = 0; d < WINDOW_DAYS; d++) if (at >= w.midnights[d]! && at < w.midnights[d + 1]!) return d;
  return -1;
}

/** Whether the business is open at `at`: inside business hours and not away. */
export function isOpen(settings: Hours, at: Date): boolean {
  const t = at.getTime();
  const { w } = windowAt(settings, t);
  if (w.awayUntil !== null && w.awayUntil > t) return false;
  return w.open.some(([s, e]) => s <= t && t < e);
}

/** The next moment the business opens after `from` (now if open), looking two weeks ahead; null if never. */
export function nextOpening(settings: Hours, from: Date): Date | null {
  let start = from.getTime();
  const away = windowAt(settings, start).w.awayUntil;
  if (away !== null && away > start) start = away;
  const { w, day } = windowAt(settings, start);
  const last = w.midnights[day + 15]!; // the start's local day and the 14 after it
  for (const [s, e] of w.open) {
    if (s < w.midnights[day]! || e <= start) continue;
    if (s >= last) break;
    return new Date(s <= start ? start : s);
  }
  return null;
}

/**
 * Every opening of the local days from `from` through `to`, as [start, end) ms, in order: for code that
 * asks "open at t? next opening after t?" for many instants (reports), one zone pass instead of one per instant.
 */
export function openingIntervals(settings: Hours, from: Date, to: Date): [number, number][] {
  const out: [number, number][] = [];
  const last = DateTime.fromJSDate(to).setZone(settings.timezone).startOf("day");
  for (let day = DateTime.fromJSDate(from).setZone(settings.timezone).startOf("day"); day <= last; day = day.plus({ days: 1 })) {
    for (const i of openingsOn(day, settings)) if (i.isValid) out.push([i.start!.toMillis(), i.end!.toMillis()]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** How far ahead a shopper may book a call-back: today and the six days after, in the site's zone. */
export const BOOKING_DAYS = 7;

/**
 * Call-back times a shopper may pick: every `stepMinutes` inside business hours over the booking
 * window (in the site's zone, so a slot is the owner's wall-clock time whatever DST does), at least
 * `leadMinutes` from now, skipping away periods. The widget shows them in the shopper's own zone.
 */
export function callbackSlots(settings: Hours, now: Date, { stepMinutes = 30, leadMinutes = 30 } = {}): Date[] {
  // From the cached openings (see windowAt): whole minutes added to an instant are the same in any zone,
  // so stepping in ms gives what stepping a zoned time gives, without the zone math on every config.
  const t0 = now.getTime();
  const { w, day } = windowAt(settings, t0);
  const earliest = t0 + leadMinutes * 60_000;
  const step = stepMinutes * 60_000;
  const from = w.midnights[day]!;
  const to = w.midnights[day + BOOKING_DAYS]!;
  const slots: Date[] = [];
  for (const [s, e] of w.open) {
    if (s < from || s >= to) continue;
    for (let t = s; t < e; t += step) if (t >= earliest && !(w.awayUntil !== null && w.awayUntil > t)) slots.push(new Date(t));
  }
  return slots;
}

/** Whether a requested call time is acceptable: in the future, open, and inside the booking window. */
export function isBookable(settings: Hours, at: Date, now: Date): boolean {
  if (at.getTime() <= now.getTime()) return false;
  const lastDay = DateTime.fromJSDate(now).setZone(settings.timezone).plus({ days: BOOKING_DAYS - 1 }).endOf("day");
  return DateTime.fromJSDate(at) <= lastDay && isOpen(settings, at);
}
