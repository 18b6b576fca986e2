import { DateTime } from "luxon";
import { isOpen, nextOpening } from "./availability.ts";
import type { SiteSettings } from "./site-settings.ts";

/**
 * An honest promise of when the owner will answer, for auto-replies: "within 2 hours" while open,
 * otherwise a time after the next opening, in the shopper's zone when we know it.
 */
export function replyTimeText(settings: SiteSettings, now: Date, shopperZone?: string): string {
  const n = settings.replyWithinHours;
  const within = `within ${n} hour${n === 1 ? "" : "s"}`;
  if (isOpen(settings, now)) return within;
  const opens = nextOpening(settings, now);
  if (!opens) return "as soon as we can";
  const zone = shopperZone && DateTime.now().setZone(shopperZone).isValid ? shopperZone : settings.timezone;
  const by = DateTime.fromJSDate(opens).plus({ hours: n }).setZone(zone);
  const label = zone === shopperZone ? "" : ` (${settings.timezone.split("/").pop()!.replace(/_/g, " ")} time)`;
  return `by ${by.toFormat("cccc HH:mm")}${label}`;
}
