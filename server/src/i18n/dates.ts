import { intlTag, type Locale } from "./locales.ts";

// Building an Intl.DateTimeFormat costs 0.2-1 ms (the first one far more): one per locale, zone and style.
const cache = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  /** "Mon, Nov 23, 2:00 PM" / "Mo., 23. Nov., 14:00": short enough for an SMS. */
  short: { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" },
  /** "Monday, November 23, 2:00 PM": for pages. */
  long: { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" },
  /** "Monday 11:00 AM": a time within the coming week. */
  weekdayTime: { weekday: "long", hour: "numeric", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

/** An instant written in the locale's words and the given zone. */
export function formatDate(date: Date, locale: Locale, zone: string, style: DateStyle = "short"): string {
  const id = `${locale}|${zone}|${style}`;
  let format = cache.get(id);
  if (!format) cache.set(id, (format = new Intl.DateTimeFormat(intlTag(locale), { ...STYLES[style], timeZone: zone })));
  return format.format(date);
}

/** The place a zone is named after, for "(New York time)": "America/New_York" gives "New York". */
export function zoneCity(zone: string): string {
  return zone.split("/").pop()!.replace(/_/g, " ");
}
