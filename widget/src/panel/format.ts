// Times are shown in the shopper's own time zone and date conventions (the browser's defaults), in one
// style everywhere: the slot list, "Back Monday 2:00 PM", "Expect our call at …" and chat lines all write
// the time with the same formatter (`timeStyle: "short"`: "2:00 PM" in en-US, "14:00" in en-GB), after
// the day where one is needed. `locale` and `timeZone` exist for tests.

const STYLES = {
  /** "2:00 PM": the one way a time of day is written. */
  time: { timeStyle: "short" },
  /** "Mon, Nov 23": the day of a slot or an expected call. */
  day: { weekday: "short", day: "numeric", month: "short" },
  /** "Monday": within the coming week the weekday says enough. */
  weekday: { weekday: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building an Intl.DateTimeFormat costs 0.2–1 ms (the first one far more): one per locale, zone and style.
const made = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a style, built once per locale and time zone and reused. */
export function formatterFor(style: keyof typeof STYLES, locale?: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ""}|${timeZone ?? ""}`;
  let f = made.get(key);
  if (!f) made.set(key, (f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone })));
  return f;
}

/** A chat line's time, and the time in every other line: "14:00" (en-GB) or "2:00 PM" (en-US). */
export function formatTime(iso: string, locale?: string, timeZone?: string): string {
  return formatterFor("time", locale, timeZone).format(new Date(iso));
}

/** "Mon 23 Nov, 14:00" (en-GB) or "Mon, Nov 23, 2:00 PM" (en-US): a slot or an expected call. */
export function formatWhen(iso: string, locale?: string, timeZone?: string): string {
  return `${formatterFor("day", locale, timeZone).format(new Date(iso))}, ${formatTime(iso, locale, timeZone)}`;
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
    : `${formatterFor("weekday", locale, timeZone).format(at)} ${formatTime(iso, locale, timeZone)}`;
}
