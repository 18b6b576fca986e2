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
