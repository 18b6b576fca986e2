import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { ownerLocale, t, tOrdinal } from "../i18n/t.ts";

/** A timestamp in the site's timezone, in the owner's own locale, e.g. "Mon 23 Nov, 10:05". */
export function formatDateTime(iso: string, timeZone: string, locale = ownerLocale()): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
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
