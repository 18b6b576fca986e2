// The sentences the shopper reads that depend on data. Honest: never promise a call or a reply we cannot make.
import type { Availability } from "../panel-host.ts";
import { formatBack, formatWhen } from "./format.ts";
import { t, type Vars } from "./i18n/translate.ts";

export type Expectation = { kind: string; at?: string | undefined };

/**
 * The line under the greeting: open now, away, or closed, and when the shop is back, in the shopper's
 * time. When away, "back" is the next opening after the break (the server's `nextOpenAt`), else `awayUntil`.
 * `times` false leaves the time out (the panel's first frame, before any formatter exists: format.ts).
 */
export function availabilityLine(a: Availability, now = new Date(), locale?: string, timeZone?: string, times = true): string {
  if (a.openNow) return t("openNow");
  const back = times && (a.nextOpenAt ?? a.awayUntil);
  const when = back ? ` ${t("backAt", { when: formatBack(back, now, locale, timeZone) })}` : "";
  return `${a.awayUntil ? a.awayMessage || t("away") : t("closedNow")}${when}`;
}

/** What the shopper can expect after asking for a call, from the server's `expect`. */
export function expectLine(expect: Expectation | undefined, locale?: string, timeZone?: string): string {
  const at = expect?.at && formatWhen(expect.at, locale, timeZone);
  if (at && expect?.kind === "scheduled") return t("expectAt", { when: at });
  if (at && expect?.kind === "next_open") return t("expectOpen", { when: at });
  return t("expectSoon");
}

/** The server's promise of a reply: within some hours (while open), or by an instant (after the next opening). */
export type ReplyPromise = { withinHours?: number; by?: string } | null | undefined;

/**
 * When the shopper will hear back by email, from the server's `reply` (worked out from the shop's hours;
 * written here in the shopper's language and zone), as the key and values of its sentence. Without one,
 * no time is promised.
 */
export function replyLine(reply: ReplyPromise, now = new Date(), locale?: string, timeZone?: string): [string, Vars] {
  if (reply?.withinHours) return ["replyWithin", { count: reply.withinHours }];
  if (reply?.by) return ["replyBy", { when: formatBack(reply.by, now, locale, timeZone) }];
  return ["replySoon", {}];
}

/** The promise made before sending, only while open: "We usually reply within 2 hours." */
export function usuallyLine(openNow: boolean, hours: number): string {
  return openNow && hours ? t("usually", { count: hours }) : "";
}

/** The first word of what the shopper typed as their name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";
