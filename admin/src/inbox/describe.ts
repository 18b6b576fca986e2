import { formatDateTime, formatPhone, nthRequest } from "../ui/format.ts";
import { t } from "../i18n/t.ts";
import type { RequestSummary } from "./types.ts";

/** The line under a request's name: how to reach them and what it is about. */
export function requestLine(r: RequestSummary, timeZone: string, locale?: string): string {
  if (r.kind === "callback") {
    const when = r.when === "asap" ? t("inbox.asap") : formatDateTime(r.when, timeZone, locale);
    return t("inbox.call_when", { phone: formatPhone(r.phone), when });
  }
  if (r.kind === "message") return r.email ?? "";
  return r.email ? t("inbox.chat_email", { email: r.email }) : t("inbox.chat");
}

/** "Returning · 3rd request" for a loyal customer, or null for a first request. */
export function loyaltyLabel(r: RequestSummary): string | null {
  return r.customer.returning ? t("inbox.returning", { nth: nthRequest(r.customer.requestNumber) }) : null;
}

/** "3rd request" (or "First request"): which of this customer's requests this one is. */
export function requestNumberLabel(r: RequestSummary): string {
  return r.customer.requestNumber > 1 ? nthRequest(r.customer.requestNumber) : t("inbox.first_request");
}

/** What a screen reader hears when a request arrives live. */
export function arrivalAnnouncement(r: RequestSummary): string {
  return t(`inbox.arrived.${r.kind}`, { name: r.name || t("inbox.a_visitor") });
}

/** Whether a request belongs in a list shown with these filters (search is left to the server). */
export function matchesFilters(r: RequestSummary, filters: { status: string; kind: string; repeat?: string }): boolean {
  if (filters.repeat && !r.repeat) return false;
  // Spam shows only in the Spam view, and the Spam view shows only spam.
  if (filters.status === "spam" || r.spam) return filters.status === "spam" && Boolean(r.spam) && (!filters.kind || r.kind === filters.kind);
  return (!filters.status || r.status === filters.status) && (!filters.kind || r.kind === filters.kind);
}
