import { formatDateTime, formatPhone, ordinal } from "../ui/format.ts";
import type { RequestSummary } from "./types.ts";

/** The line under a request's name: how to reach them and what it is about. */
export function requestLine(r: RequestSummary, timeZone: string, locale?: string): string {
  if (r.kind === "callback") {
    const when = r.when === "asap" ? "as soon as possible" : formatDateTime(r.when, timeZone, locale);
    return `${formatPhone(r.phone)} · call ${when}`;
  }
  if (r.kind === "message") return r.email ?? "";
  return r.email ? `Chat · ${r.email}` : "Chat";
}

/** "Returning · 3rd request" for a loyal customer, or null for a first request. */
export function loyaltyLabel(r: RequestSummary): string | null {
  return r.customer.returning ? `Returning · ${ordinal(r.customer.requestNumber)} request` : null;
}

/** "3rd request" (or "First request"): which of this customer's requests this one is. */
export function requestNumberLabel(r: RequestSummary): string {
  return r.customer.requestNumber > 1 ? `${ordinal(r.customer.requestNumber)} request` : "First request";
}

/** What a screen reader hears when a request arrives live. */
export function arrivalAnnouncement(r: RequestSummary): string {
  const what = r.kind === "callback" ? "call-back request" : r.kind === "message" ? "message" : "chat";
  return `New ${what} from ${r.name || "a visitor"}.`;
}

/** Whether a request belongs in a list shown with these filters (search is left to the server). */
export function matchesFilters(r: RequestSummary, filters: { status: string; kind: string; repeat?: string }): boolean {
  if (filters.repeat && !r.repeat) return false;
  // Spam shows only in the Spam view, and the Spam view shows only spam.
  if (filters.status === "spam" || r.spam) return filters.status === "spam" && Boolean(r.spam) && (!filters.kind || r.kind === filters.kind);
  return (!filters.status || r.status === filters.status) && (!filters.kind || r.kind === filters.kind);
}
