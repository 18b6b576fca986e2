// Times are shown in the shopper's own time zone and date conventions (the browser's defaults), in one
// style everywhere: the slot list, "Back Monday 2:00 PM", "Expect our call at …" and chat lines all write
// the time with the same formatter (`timeStyle: "short"`: "2:00 PM" in en-US, "14:00" in en-GB), after
// the day where one is needed. The locale is the one the panel speaks (i18n/translate.ts `lang`), in
// the shopper's own variant ("en-GB", "de-DE"); `locale` and `timeZone` exist for tests.
import { lang } from "./i18n/translate.ts";

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
export function formatterFor(style: keyof typeof STYLES, locale = lang, timeZone?: string): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone ?? ""}`;
  let f = made.get(key);
  if (!f) made.set(key, (f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone })));
  return f;
}

/**
 * Whether a formatter exists yet. A page's first Intl formatter (dates, numbers, country names) costs
 * 40-600 ms in Chromium while it loads its locale data, so the panel's first frame shows no times and no
 * country names; index.ts builds the formatters just after that frame and draws again.
 */
export const intlReady = () => made.size > 0;

/**
 * Builds the default formatters ahead of time. A page's first Intl.DateTimeFormat costs tens of ms, the
 * rest well under one: paid while the browser is idle after the panel was fetched on intent, it stays
 * off the shopper's click.
 */
export function warmFormatters(): void {
  formatterFor("time");
  formatterFor("day");
  regionNames();
}

const names: Record<string, Intl.DisplayNames> = {};

/** Country names in the panel's language, built once per language (the first costs like a formatter). */
export function regionNames(): Intl.DisplayNames | undefined {
  try {
    return (names[lang] ??= new Intl.DisplayNames([lang], { type: "region" }));
  } catch {}
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
