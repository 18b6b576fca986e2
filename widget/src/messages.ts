// The sentences the shopper reads that depend on data. Honest: never promise a call we cannot make.
import type { Availability } from "./config.ts";
import { formatDay, formatWhen } from "./format.ts";

export type Expectation = { kind: string; at?: string | undefined };

/** The line under the greeting: open now, away, or closed until when. */
export function availabilityLine(a: Availability, locale?: string, timeZone?: string): string {
  if (a.openNow) return "We're around — usually quick to call back.";
  if (a.awayUntil) return a.awayMessage || `Away until ${formatDay(a.awayUntil, locale, timeZone)}`;
  return a.nextOpenAt ? `Closed now — back ${formatWhen(a.nextOpenAt, locale, timeZone)}` : "Closed now.";
}

/** What the shopper can expect after sending, from the server's `expect`. */
export function expectLine(expect: Expectation | undefined, locale?: string, timeZone?: string): string {
  const at = expect?.at && formatWhen(expect.at, locale, timeZone);
  if (at && expect?.kind === "scheduled") return `Expect our call at ${at}.`;
  if (at && expect?.kind === "next_open") return `We're closed right now. Expect our call after we open: ${at}.`;
  return "We'll call you back as soon as we can.";
}

/** The first word of what the shopper typed as their name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";
