// Times are shown in the shopper's own time zone and date conventions (the browser's defaults).
// `locale` and `timeZone` exist for tests.

/** "Mon 23 Nov, 10:00" (en-GB) or "Mon, Nov 23, 10:00 AM" (en-US): a slot or an expected call. */
export function formatWhen(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(iso),
  );
}

/** "Mon 23 Nov": a day, for "away until". */
export function formatDay(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone }).format(new Date(iso));
}
