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
 * Remembers the last answer per settings object and instant: one submission asks "open now?" and "next
 * opening?" from several places (the answer, the reminders), and the zone math is the costly part.
 */
function lastAnswer<T>(compute: (settings: Hours, at: Date) => T): (settings: Hours, at: Date) => T {
  const last = new WeakMap<Hours, { at: number; value: T }>();
  return (settings, at) => {
    const hit = last.get(settings);
    if (hit && hit.at === at.getTime()) return hit.value;
    const value = compute(settings, at);
    last.set(settings, { at: at.getTime(), value });
    return value;
  };
}

/** Whether the business is open at `at`: inside business hours and not away. */
export const isOpen = lastAnswer(openAt);

function openAt(settings: Hours, at: Date): boolean {
  const local = DateTime.fromJSDate(at).setZone(settings.timezone);
  if (awayAt(settings, local)) return false;
  return openingsOn(local.startOf("day"), settings).some((i) => i.contains(local));
}

/** The next moment the business opens after `from` (now if open), looking two weeks ahead; null if never. */
export const nextOpening = lastAnswer(firstOpeningFrom);

function firstOpeningFrom(settings: Hours, from: Date): Date | null {
  let start = DateTime.fromJSDate(from).setZone(settings.timezone);
  if (settings.awayUntil && DateTime.fromISO(settings.awayUntil) > start) {
    start = DateTime.fromISO(settings.awayUntil).setZone(settings.timezone);
  }
  for (let d = 0; d < 15; d++) {
    const day = start.startOf("day").plus({ days: d });
    for (const open of openingsOn(day, settings).sort((a, b) => a.start!.toMillis() - b.start!.toMillis())) {
      if (open.contains(start)) return start.toJSDate();
      if (open.start! > start) return open.start!.toJSDate();
    }
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
  const local = DateTime.fromJSDate(now).setZone(settings.timezone);
  const earliest = local.plus({ minutes: leadMinutes });
  const slots: Date[] = [];
  for (let d = 0; d < BOOKING_DAYS; d++) {
    for (const open of openingsOn(local.startOf("day").plus({ days: d }), settings)) {
      for (let t = open.start!; t < open.end!; t = t.plus({ minutes: stepMinutes })) {
        if (t >= earliest && !awayAt(settings, t)) slots.push(t.toJSDate());
      }
    }
  }
  return slots.sort((a, b) => a.getTime() - b.getTime());
}

/** Whether a requested call time is acceptable: in the future, open, and inside the booking window. */
export function isBookable(settings: Hours, at: Date, now: Date): boolean {
  if (at.getTime() <= now.getTime()) return false;
  const lastDay = DateTime.fromJSDate(now).setZone(settings.timezone).plus({ days: BOOKING_DAYS - 1 }).endOf("day");
  return DateTime.fromJSDate(at) <= lastDay && isOpen(settings, at);
}
