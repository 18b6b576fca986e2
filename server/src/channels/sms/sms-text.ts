import { DateTime } from "luxon";
import { t } from "../../i18n/catalog.ts";
import { formatDate, zoneCity } from "../../i18n/dates.ts";
import type { Locale } from "../../i18n/locales.ts";
import { composeSms } from "./sms-compose.ts";
import { cutTo, fitsSms, SMS_BUDGET, smsEncoding, smsLine } from "./sms-encoding.ts";

/** At most two GSM-7 segments (two UCS-2 segments are 134 characters: see sms-encoding.ts). */
export const MAX_SMS_CHARS = SMS_BUDGET["GSM-7"];

export type CallbackAlert = {
  ref: string;
  name: string;
  phone: string;
  when: Date | "asap";
  note: string | undefined;
  earlierRequests: number;
  timezone: string;
  link: string;
} & ShopperStanding;

/** Issue #12: "Jane again — 3rd time in 9 days, open since Mon" goes first; "Regular, 12 orders, since 2022" replaces "Returning customer". */
export type ShopperStanding = { lead?: string | undefined; standing?: string | undefined };

// Names are capped by characters, never rewritten: a Cyrillic or Arabic name stays as typed.
const oneLine = smsLine;
const capped = (text: string, max: number) => [...oneLine(text)].slice(0, max).join("");

/** The owner's alert for a new call-back request: who, which number, when, why, and a link. */
export function callbackAlertText(alert: CallbackAlert): string {
  const when =
    alert.when === "asap"
      ? "ASAP"
      : DateTime.fromJSDate(alert.when).setZone(alert.timezone).toFormat("ccc d LLL HH:mm");
  const name = capped(alert.name, 40) || "Someone";
  return alertText([`Call back #${alert.ref}: ${name} ${alert.phone}`, `When: ${when}`], alert.note, alert.earlierRequests, alert.link, [], alert);
}

export type MessageAlert = { ref: string; name: string; email: string; topic: string | undefined; message: string; earlierRequests: number; link: string; /** "+2 files" */ files?: string | undefined } & ShopperStanding;

/** The owner's short alert for a new message; the full text goes by email. */
export function messageAlertText(alert: MessageAlert): string {
  const name = capped(alert.name, 40) || "Someone";
  const email = capped(alert.email, 80);
  const quote = alert.topic ? `${alert.topic}: ${alert.message}` : alert.message;
  return alertText([`Message #${alert.ref} from ${name} <${email}>${alert.files ? ` ${alert.files}` : ""}`], quote, alert.earlierRequests, alert.link, [], alert);
}

/**
 * Head lines, as much of the shopper's words as fits, the returning-customer line and the link, in two
 * segments of whichever encoding the text needs. When a non-Latin message leaves the quote too little
 * room, the returning line and then the link give way; the head (the "again" lead, ref, name, number)
 * never does. A known customer's standing ("Regular, 12 orders, since 2022") replaces the returning line.
 */
function alertText(head: string[], quoteText: string | undefined, earlierRequests: number, link: string, extra: string[] = [], known: ShopperStanding = {}): string {
  const lead = known.lead ? [oneLine(known.lead)] : [];
  const returning = known.standing ? oneLine(known.standing) : earlierRequests > 0 ? `Returning customer (${earlierRequests} earlier request${earlierRequests === 1 ? "" : "s"})` : "";
  return composeSms([
    ...[...lead, ...head].map((text) => ({ text })),
    ...extra.map((text) => ({ text, drop: 2 })),
    { text: quoteText ? oneLine(quoteText) : "", quote: true },
    { text: returning, drop: 0 },
    { text: link, drop: 1 },
  ]);
}

export type ChatAlert = { ref: string; name: string | undefined; message: string; earlierRequests: number; link: string; first: boolean; /** "+1 photo" */ files?: string | undefined } & ShopperStanding;

/** The owner's alert for a chat: the first message of a new chat, or a nudge after a quiet spell. */
export function chatAlertText(alert: ChatAlert): string {
  const name = capped(alert.name ?? "", 40) || "A visitor";
  const head = alert.first ? `Chat #${alert.ref} from ${name}` : `Chat #${alert.ref}: ${name} wrote again`
  const withFiles = alert.files ? `${head} ${alert.files}` : head;
  return alertText([withFiles], alert.message, alert.earlierRequests, alert.link, ["Reply to answer"], alert);
}

/** Fits a reminder into two segments: its last line (the link) goes before anything else is cut. */
function fit(text: string): string {
  const lines = text.split("\n");
  return lines.length > 1 ? composeSms([{ text: lines.slice(0, -1).join(" ") }, { text: lines.at(-1)!, drop: 0 }]) : composeSms([{ text }]);
}

/** At a booked call's time. */
export function scheduledCallText(r: { ref: string; name: string; phone: string }): string {
  return fit(`Beckon: time to call ${capped(r.name, 40)} back (#${r.ref}) ${r.phone}. Reply CALL #${r.ref} to be connected.`);
}

/** A request nobody has touched. */
export function untouchedText(r: { ref: string; name: string; kind: string; minutes: number; link: string }): string {
  const what = r.kind === "callback" ? "call-back" : r.kind;
  const waited = r.minutes >= 120 ? `${Math.round(r.minutes / 60)} h` : `${r.minutes} min`;
  return fit(`Beckon: #${r.ref} from ${capped(r.name, 40) || "a visitor"} (${what}) has waited ${waited}. Reply CALL #${r.ref} or DONE #${r.ref}.\n${r.link}`);
}

/** The daily digest of what is still open. */
export function digestText(open: { ref: string; name: string }[], link: string): string {
  const shown = open.slice(0, 5).map((r) => `#${r.ref} ${capped(r.name, 20) || "visitor"}`);
  const more = open.length > shown.length ? `, +${open.length - shown.length} more` : "";
  return fit(`Beckon: ${open.length} request${open.length === 1 ? "" : "s"} still open: ${shown.join(", ")}${more}.\n${link}`);
}

export type ShopperTextBase = {
  locale: Locale;
  siteName: string;
  name: string;
  /** The page to see, move or cancel the call-back. */
  link: string;
};

/**
 * The shopper's confirmation of a call-back request (sent only with their consent), in their language;
 * the time in their own zone when their widget told us, else in the shop's with the zone named.
 */
export function confirmationText(c: ShopperTextBase & { when: Date | "asap"; timezone: string; shopperZone?: string | null }): string {
  const when =
    c.when === "asap"
      ? t(c.locale, "sms.asap")
      : c.shopperZone
        ? formatDate(c.when, c.locale, c.shopperZone)
        : t(c.locale, "time.in_zone", { time: formatDate(c.when, c.locale, c.timezone), city: zoneCity(c.timezone) });
  return shopperText(c, "sms.confirmation", { when });
}

/** The shopper's one notice that we tried and missed them, in their language. */
export function missedCallText(c: ShopperTextBase): string {
  return shopperText(c, "sms.missed_call", {});
}

/** A text to a shopper: the link always whole; a long shop name is shortened before anything else. */
function shopperText(c: ShopperTextBase, key: "sms.confirmation" | "sms.missed_call", vars: Record<string, string>): string {
  const firstName = capped(c.name.trim().split(/\s+/)[0] ?? "", 20);
  const compose = (site: string) => t(c.locale, key, { site, name: firstName, link: c.link, ...vars });
  const site = capped(c.siteName, 40);
  const text = compose(site);
  if (fitsSms(text)) return text;
  for (const max of [24, 12]) {
    const shorter = compose(cutTo(site, max, "UCS-2"));
    if (fitsSms(shorter)) return shorter;
  }
  return cutTo(text, SMS_BUDGET[smsEncoding(text)], smsEncoding(text));
}
