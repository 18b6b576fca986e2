import { and, desc, eq, gte, isNull, ne, or, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.ts";
import type { Db } from "../db/client.ts";
import { requests, type RepeatMark } from "../db/schema.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const REPEAT_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Whether a new request of this customer is them asking again: an earlier request (any channel) is
 * still open, or this is at least the 3rd in 14 days. Spam never counts. Runs before the new row exists.
 */
const earlierRequests = prepared((on) =>
  on
    .select({ id: requests.id, ref: requests.ref, status: requests.status, createdAt: requests.createdAt })
    .from(requests)
    .where(and(eq(requests.customerId, sql.placeholder("customerId")), isNull(requests.spamAt), or(ne(requests.status, "done"), gte(requests.createdAt, sql.placeholder("sinceMs")))))
    .orderBy(desc(requests.createdAt))
    .limit(20)
    .prepare(),
);

export async function detectRepeat(tx: Tx | Db, customerId: number, now: Date): Promise<RepeatMark | null> {
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * DAY_MS);
  const rows = await earlierRequests(tx).all({ customerId, sinceMs: since.getTime() });
  const open = rows.filter((r) => r.status !== "done");
  const recent = rows.filter((r) => r.createdAt >= since);
  if (open.length === 0 && recent.length < 2) return null;
  const earlier = rows.reverse();
  return {
    time: earlier.length + 1,
    earlier: earlier.map((r) => ({ id: r.id, ref: r.ref })),
    firstAt: earlier[0]!.createdAt.toISOString(),
    openSince: open.length ? open.at(-1)!.createdAt.toISOString() : null,
  };
}

/** 1st, 2nd, 3rd, 4th, 11th, 22nd… */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** "asked again (2nd time)": the inbox's mark. */
export function repeatLabel(mark: RepeatMark): string {
  return `asked again (${ordinal(mark.time)} time)`;
}

type ZoneFormats = { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat };
// Built once per zone: a new Intl.DateTimeFormat (or luxon's zone math) per alert was a visible share of a call-back's CPU.
const zoneFormats = new Map<string, ZoneFormats>();
function formatsIn(zone: string): ZoneFormats {
  let f = zoneFormats.get(zone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }),
      time: new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      weekday: new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" }),
    };
    zoneFormats.set(zone, f);
  }
  return f;
}

/** The first line of the owner's SMS: "Jane again — 3rd time in 9 days, open since Mon". */
export function repeatLead(name: string | null | undefined, mark: RepeatMark, now: Date, zone: string): string {
  const who = (name ?? "").trim().split(/\s+/)[0] || "Same customer";
  const days = Math.floor((now.getTime() - Date.parse(mark.firstAt)) / DAY_MS);
  const span = days < 1 ? "today" : `in ${days + 1} days`;
  let open = "";
  if (mark.openSince) {
    const f = formatsIn(zone);
    const at = new Date(mark.openSince);
    open = `, open since ${f.day.format(at) === f.day.format(now) ? f.time.format(at) : f.weekday.format(at)}`;
  }
  return `${who} again — ${ordinal(mark.time)} time ${span}${open}`;
}
