import type { CustomerProfile } from "../db/schema.ts";
import { ordinal } from "./repeat-contacts.ts";

type Known = { externalId: string | null; profile: CustomerProfile | null; firstSeenAt: Date; vip: boolean };

/** The year in a shop's "since" value (an ISO date, a year, a timestamp), if any. */
function yearOf(since: string | undefined): string | undefined {
  if (!since) return undefined;
  const year = /^\d{4}/.exec(since)?.[0] ?? (Number.isFinite(Number(since)) ? String(new Date(Number(since) * (Number(since) < 1e11 ? 1000 : 1)).getUTCFullYear()) : undefined);
  return year;
}

/**
 * What is known about a customer, in a few words, for the alert and the inbox: "regular · 12 orders ·
 * since 2022" from a verified identify, else "5th request since 2024" from our own history, else null.
 * `requestNumber` is this request's place in the customer's history.
 */
export function standing(customer: Known, requestNumber: number): string | null {
  const parts: string[] = [];
  if (customer.vip) parts.push("VIP");
  const p = customer.externalId ? customer.profile : null;
  if (p && (p.orders ?? 0) >= 2) {
    parts.push("regular", `${p.orders} orders`);
    const year = yearOf(p.since);
    if (year) parts.push(`since ${year}`);
  } else if (requestNumber >= 2) {
    parts.push(`${ordinal(requestNumber)} request since ${customer.firstSeenAt.getUTCFullYear()}`);
  }
  return parts.length ? parts.join(" · ") : null;
}

/** The same for an SMS: GSM-7 has no middle dot. */
export function standingForSms(text: string | null): string | null {
  return text && text.replaceAll(" · ", ", ").replace(/^./, (c) => c.toUpperCase());
}
