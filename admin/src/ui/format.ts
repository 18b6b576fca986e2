// The one place the owner app writes dates, numbers, languages and countries: Intl, in the owner's own
// locale (navigator.language), formatters built once per locale and zone and reused.
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { formatNumber, mark, ownerLocale, t, tOrdinal } from "../i18n/t.ts";

export { formatNumber };

const cache = new Map<string, Intl.DateTimeFormat>();
/** A date formatter for these options, made once and reused (a new one costs up to a millisecond). */
function dates(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** A timestamp in the site's timezone, in the owner's own locale, e.g. "Mon 23 Nov, 10:05". */
export function formatDateTime(iso: string, timeZone: string, locale = ownerLocale()): string {
  return mark(dates(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso)));
}

/** A timestamp in the owner's own zone (the browser's), with the date in full, e.g. "30/11/2026, 10:05". */
export function formatLocalDateTime(iso: string, locale = ownerLocale()): string {
  return mark(dates(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(iso)));
}

/** "Nov 2026": a month in the zone, e.g. for "customer since". */
export function formatMonthYear(iso: string, timeZone: string, locale = ownerLocale()): string {
  return mark(dates(locale, { month: "short", year: "numeric", timeZone }).format(new Date(iso)));
}

/** The name of a weekday, 0 = Sunday ("Monday"). */
export function formatWeekday(day: number, locale = ownerLocale()): string {
  // 2024-01-07 was a Sunday.
  return mark(dates(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 7 + day))));
}

/** A whole hour of the day, the owner's way ("09:00", "9:00 AM"). */
export function formatHour(hour: number, locale = ownerLocale()): string {
  return mark(dates(locale, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1, hour))));
}

/** A time zone as people read it ("America/New York"). */
export const formatZone = (zone: string): string => mark(zone.replace(/_/g, " "));

const names = new Map<string, Intl.DisplayNames | null>();
/** A language or region name in the owner's locale ("German", "Germany"); the code when Intl has none. */
function displayName(type: "language" | "region", code: string, locales: string[]): string {
  const key = `${type}|${locales.join(",")}`;
  if (!names.has(key)) {
    try {
      names.set(key, new Intl.DisplayNames(locales, { type }));
    } catch {
      names.set(key, null);
    }
  }
  try {
    return names.get(key)?.of(code) ?? code;
  } catch {
    return code;
  }
}
/** A language's name in the owner's locale ("German"). */
export const formatLanguage = (code: string, locale = ownerLocale()): string => mark(displayName("language", code, locale ? [locale, "en"] : ["en"]));
/** A language's name in that language itself ("Deutsch"). */
export const formatLanguageOwn = (code: string): string => mark(displayName("language", code, [code]));
/** A country's name in the owner's locale ("Germany"). */
export const formatRegion = (code: string, locale = ownerLocale()): string => mark(displayName("region", code, locale ? [locale, "en"] : ["en"]));

let ratios: Intl.NumberFormat | undefined;
/** A contrast ratio, "7.2:1"; never rounds a failing ratio up to look like a pass (4.46 shows as 4.4:1). */
export function formatRatio(ratio: number, locale = ownerLocale()): string {
  ratios ??= new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return mark(`${ratios.format(Math.floor(ratio * 10) / 10)}:1`);
}

/** "just now", "5 min ago", "3 h ago", or the date for older times. */
export function formatAgo(iso: string, now: Date, timeZone: string, locale?: string): string {
  const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t("time.just_now");
  if (minutes < 60) return t("time.minutes_ago", { count: minutes });
  if (minutes < 24 * 60) return t("time.hours_ago", { count: Math.floor(minutes / 60) });
  return formatDateTime(iso, timeZone, locale);
}

/** "1st request", "2nd request", "11th request"... */
export function nthRequest(n: number): string {
  return tOrdinal("ordinal.request", n);
}

/**
 * A stored phone number as people write it: "+447911123456" -> "+44 7911 123456". Numbers
 * libphonenumber cannot read are shown as they were stored.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}
