// Times are shown in the shopper's own time zone and date conventions (the browser's defaults).
// `locale` and `timeZone` exist for tests.

/** "Mon 23 Nov, 10:00" (en-GB) or "Mon, Nov 23, 10:00 AM" (en-US): a slot or an expected call. */
export function formatWhen(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(iso),
  );
}

const SIX_DAYS = 6 * 864e5;

/**
 * When the shop is back: "Monday 09:00" (en-GB) or "Monday 9:00 AM" (en-US) within the coming week,
 * where the weekday says enough; further off, the date as well ("Tue 1 Dec, 09:00").
 */
export function formatBack(iso: string, now: Date, locale?: string, timeZone?: string): string {
  const at = new Date(iso);
  return at.getTime() - now.getTime() > SIX_DAYS
    ? formatWhen(iso, locale, timeZone)
    : new Intl.DateTimeFormat(locale, { weekday: "long", hour: "numeric", minute: "2-digit", timeZone }).format(at);
}
