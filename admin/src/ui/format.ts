import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** A timestamp in the site's timezone, e.g. "Mon 23 Nov, 10:05". */
export function formatDateTime(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "just now", "5 min ago", "3 h ago", or the date for older times. */
export function formatAgo(iso: string, now: Date, timeZone: string, locale?: string): string {
  const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return formatDateTime(iso, timeZone, locale);
}

/** "1st", "2nd", "3rd", "11th"... */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/**
 * A stored phone number as people write it: "+447911123456" -> "+44 7911 123456". Numbers
 * libphonenumber cannot read are shown as they were stored.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}
