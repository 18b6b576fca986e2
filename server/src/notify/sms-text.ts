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
  const head = [`Call back #${alert.ref}: ${name} ${alert.phone}`, `When: ${when}`];
  const tail = [
    ...(alert.earlierRequests > 0
      ? [`Returning customer (${alert.earlierRequests} earlier request${alert.earlierRequests === 1 ? "" : "s"})`]
      : []),
    alert.link,
  ];
  const note = alert.note ? oneLine(alert.note) : "";
  const room = MAX_SMS_CHARS - [...head, ...tail].join("\n").length - 3; // newline and two quotes
  const lines = [...head];
  if (note && room > 10) lines.push(`"${note.length > room ? `${note.slice(0, room - 3)}...` : note}"`);
  const text = [...lines, ...tail].join("\n");
  // The link is ours and the rest is already GSM-7; this only trips if PUBLIC_URL itself is absurdly long.
  return gsm7Segments(text) <= 2 ? text : text.slice(0, MAX_SMS_CHARS);
}
