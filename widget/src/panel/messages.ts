// The sentences the shopper reads that depend on data. Honest: never promise a call or a reply we cannot make.
import type { Availability } from "../panel-host.ts";
import { formatBack, formatWhen } from "./format.ts";

export type Expectation = { kind: string; at?: string | undefined };

/**
 * The line under the greeting: open now, away, or closed, and when the shop is back, in the shopper's
 * time. When away, "back" is the next opening after the break (the server's `nextOpenAt`), else `awayUntil`.
 */
export function availabilityLine(a: Availability, now = new Date(), locale?: string, timeZone?: string): string {
  if (a.openNow) return "We're around now.";
  const back = a.nextOpenAt ?? a.awayUntil;
  const when = back ? ` Back ${formatBack(back, now, locale, timeZone)}.` : "";
  if (a.awayUntil) return `${a.awayMessage || "We're away."}${when}`;
  return `Closed now.${when}`;
}

/** What the shopper can expect after asking for a call, from the server's `expect`. */
export function expectLine(expect: Expectation | undefined, locale?: string, timeZone?: string): string {
  const at = expect?.at && formatWhen(expect.at, locale, timeZone);
  if (at && expect?.kind === "scheduled") return `Expect our call at ${at}.`;
  if (at && expect?.kind === "next_open") return `We're closed right now. Expect our call after we open: ${at}.`;
  return "We'll call you back as soon as we can.";
}

/**
 * When the shopper will hear back by email, from the server's `replyTime` ("within 2 hours", "by Monday
 * 11:00", worked out in the time zone we sent). Without one, no time is promised.
 */
export function replyLine(email: string, replyTime: string | undefined): string {
  return `We'll reply to ${email} ${replyTime || "as soon as we can"}.`;
}

/** The promise made before sending, only while open: "We usually reply within 2 hours." */
export function usuallyLine(openNow: boolean, hours: number): string {
  return openNow && hours ? `We usually reply within ${hours} hour${hours === 1 ? "" : "s"}.` : "";
}

/** The first word of what the shopper typed as their name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";
