import { t, tn } from "../i18n/catalog.ts";
import { formatDate, zoneCity } from "../i18n/dates.ts";
import type { Locale } from "../i18n/locales.ts";
import { isOpen, nextOpening } from "./availability.ts";
import type { SiteSettings } from "./site-settings.ts";
import { knownTimeZone } from "./time-zone.ts";

/**
 * The same promise as data, for the widget to write in the shopper's language and zone: within
 * `withinHours` while open, else `by` an instant (the next opening plus the usual hours); null when the
 * shop never opens.
 */
export function replyPromise(settings: SiteSettings, now: Date): { withinHours: number } | { by: string } | null {
  if (isOpen(settings, now)) return { withinHours: settings.replyWithinHours };
  const opens = nextOpening(settings, now);
  return opens ? { by: new Date(opens.getTime() + settings.replyWithinHours * 36e5).toISOString() } : null;
}

/**
 * An honest promise of when the owner will answer, for auto-replies, in the shopper's language: "within
 * 2 hours" while open, otherwise a time after the next opening, in the shopper's zone when we know it
 * (else the shop's, named).
 */
export function replyTimeText(settings: SiteSettings, now: Date, shopperZone?: string, locale: Locale = "en"): string {
  const n = settings.replyWithinHours;
  if (isOpen(settings, now)) return tn(locale, "reply.within", n);
  const opens = nextOpening(settings, now);
  if (!opens) return t(locale, "reply.asap");
  const zone = knownTimeZone(shopperZone);
  const by = new Date(opens.getTime() + n * 3600_000);
  const time = formatDate(by, locale, zone ?? settings.timezone, "weekdayTime");
  return t(locale, "reply.by", { time: zone ? time : t(locale, "time.in_zone", { time, city: zoneCity(settings.timezone) }) });
}
