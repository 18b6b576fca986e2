import { ownerLocale } from "../i18n/t.ts";

// Numbers, waits and days the owner's way (Intl), each formatter built once.
let percent: Intl.NumberFormat | undefined;
let day: Intl.DateTimeFormat | undefined;
let weekday: Intl.DateTimeFormat | undefined;
const units = new Map<string, Intl.NumberFormat>();

/** 0.5 → "50%". */
export const formatPercent = (share: number) => (percent ??= new Intl.NumberFormat(ownerLocale(), { style: "percent", maximumFractionDigits: 0 })).format(share);

function unit(name: "minute" | "hour" | "day", value: number): string {
  let f = units.get(name);
  if (!f) units.set(name, (f = new Intl.NumberFormat(ownerLocale(), { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: 1 })));
  return f.format(value);
}

/** A wait as the owner reads it: "45 min", "3 hr", "1.5 hr", "2 days". */
export function formatWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return unit("minute", minutes);
  const hours = minutes / 60;
  if (hours < 48) return unit("hour", Math.round(hours * 10) / 10);
  return unit("day", Math.round((hours / 24) * 10) / 10);
}

/** "2026-11-23" → "Mon, Nov 23" (a calendar date: read and written in UTC so it never shifts). */
export const formatDay = (date: string) =>
  (day ??= new Intl.DateTimeFormat(ownerLocale(), { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" })).format(new Date(`${date}T00:00:00Z`));

/** Weekday names from Monday (0) to Sunday (6). */
export const weekdayName = (i: number) => (weekday ??= new Intl.DateTimeFormat(ownerLocale(), { weekday: "short", timeZone: "UTC" })).format(new Date(Date.UTC(2024, 0, 1 + i)));
