import { DateTime } from "luxon";
import { gsm7Segments, toGsm7 } from "./gsm7.ts";

/** At most two GSM-7 segments. */
export const MAX_SMS_CHARS = 306;

export type CallbackAlert = {
  ref: string;
  name: string;
  phone: string;
  when: Date | "asap";
  note: string | undefined;
  earlierRequests: number;
  timezone: string;
  link: string;
};

const oneLine = (text: string) => toGsm7(text).replace(/\s+/g, " ").trim();

/** The owner's alert for a new call-back request: who, which number, when, why, and a link. */
export function callbackAlertText(alert: CallbackAlert): string {
  const when =
    alert.when === "asap"
      ? "ASAP"
      : DateTime.fromJSDate(alert.when).setZone(alert.timezone).toFormat("ccc d LLL HH:mm");
  const name = oneLine(alert.name).slice(0, 40) || "Someone";
  return alertText([`Call back #${alert.ref}: ${name} ${alert.phone}`, `When: ${when}`], alert.note, alert.earlierRequests, alert.link);
}

export type MessageAlert = { ref: string; name: string; email: string; topic: string | undefined; message: string; earlierRequests: number; link: string };

/** The owner's short alert for a new message; the full text goes by email. */
export function messageAlertText(alert: MessageAlert): string {
  const name = oneLine(alert.name).slice(0, 40) || "Someone";
  const email = oneLine(alert.email).slice(0, 80);
  const quote = alert.topic ? `${alert.topic}: ${alert.message}` : alert.message;
  return alertText([`Message #${alert.ref} from ${name} <${email}>`], quote, alert.earlierRequests, alert.link);
}

/** Head lines, as much of the shopper's words as fits, the returning-customer line and the link, in two segments. */
function alertText(head: string[], quoteText: string | undefined, earlierRequests: number, link: string): string {
  const tail = [
    ...(earlierRequests > 0 ? [`Returning customer (${earlierRequests} earlier request${earlierRequests === 1 ? "" : "s"})`] : []),
    link,
  ];
  const quote = quoteText ? oneLine(quoteText) : "";
  const room = MAX_SMS_CHARS - [...head, ...tail].join("\n").length - 3; // newline and two quotes
  const lines = [...head];
  if (quote && room > 10) lines.push(`"${quote.length > room ? `${quote.slice(0, room - 3)}...` : quote}"`);
  const text = [...lines, ...tail].join("\n");
  // The link is ours and the rest is already GSM-7; this only trips if PUBLIC_URL itself is absurdly long.
  return gsm7Segments(text) <= 2 ? text : text.slice(0, MAX_SMS_CHARS);
}

export type ChatAlert = { ref: string; name: string | undefined; message: string; earlierRequests: number; link: string; first: boolean };

/** The owner's alert for a chat: the first message of a new chat, or a nudge after a quiet spell. */
export function chatAlertText(alert: ChatAlert): string {
  const name = oneLine(alert.name ?? "").slice(0, 40) || "A visitor";
  const head = alert.first ? `Chat #${alert.ref} from ${name}` : `Chat #${alert.ref}: ${name} wrote again`;
  return alertText([head, "Reply to answer"], alert.message, alert.earlierRequests, alert.link);
}

/** Fits a reminder into two GSM-7 segments: the shopper's words are what gets shortened. */
function fit(text: string): string {
  const clean = toGsm7(text);
  return gsm7Segments(clean) <= 2 ? clean : `${clean.slice(0, MAX_SMS_CHARS - 3)}...`;
}

/** At a booked call's time. */
export function scheduledCallText(r: { ref: string; name: string; phone: string }): string {
  return fit(`Beckon: time to call ${oneLine(r.name).slice(0, 40)} back (#${r.ref}) ${r.phone}. Reply CALL #${r.ref} to be connected.`);
}

/** A request nobody has touched. */
export function untouchedText(r: { ref: string; name: string; kind: string; minutes: number; link: string }): string {
  const what = r.kind === "callback" ? "call-back" : r.kind;
  const waited = r.minutes >= 120 ? `${Math.round(r.minutes / 60)} h` : `${r.minutes} min`;
  return fit(`Beckon: #${r.ref} from ${oneLine(r.name).slice(0, 40) || "a visitor"} (${what}) has waited ${waited}. Reply CALL #${r.ref} or DONE #${r.ref}.\n${r.link}`);
}

/** The daily digest of what is still open. */
export function digestText(open: { ref: string; name: string }[], link: string): string {
  const shown = open.slice(0, 5).map((r) => `#${r.ref} ${oneLine(r.name).slice(0, 20) || "visitor"}`);
  const more = open.length > shown.length ? `, +${open.length - shown.length} more` : "";
  return fit(`Beckon: ${open.length} request${open.length === 1 ? "" : "s"} still open: ${shown.join(", ")}${more}.\n${link}`);
}

/** The shopper's confirmation of a call-back request (sent only with their consent). */
export function confirmationText(c: { siteName: string; name: string; when: Date | "asap"; timezone: string; link: string }): string {
  const when =
    c.when === "asap"
      ? "as soon as we can"
      : `${DateTime.fromJSDate(c.when).setZone(c.timezone).toFormat("ccc d LLL HH:mm")} (${c.timezone.split("/").pop()!.replace(/_/g, " ")} time)`;
  return fit(`${oneLine(c.siteName).slice(0, 40)}: thanks ${oneLine(c.name).split(" ")[0]!.slice(0, 20)}, we'll call you ${when}. To cancel: ${c.link}`);
}

/** The shopper's one notice that we tried and missed them. */
export function missedCallText(c: { siteName: string; name: string; link: string }): string {
  return fit(`${oneLine(c.siteName).slice(0, 40)}: we tried to call you back, ${oneLine(c.name).split(" ")[0]!.slice(0, 20)}, and missed you. We'll try again. To cancel: ${c.link}`);
}
