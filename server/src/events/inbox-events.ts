import type { EventLog } from "./event-log.ts";

/** What an open inbox hears about: a request arrived or changed. Carries the id; the stream loads the rest. */
export type InboxEventType = "request.created" | "request.updated";

export const INBOX_TOPIC = "inbox";

/**
 * Tells the site's open inboxes (in every server process) about a request. A lost event only costs
 * a live refresh, never data, so failures are logged rather than failing the caller's answer.
 */
export function publishInboxEvent(log: EventLog, errors: Pick<Console, "error">, type: InboxEventType, siteId: number, requestId: string): void {
  log.publish({ siteId, topic: INBOX_TOPIC, type, data: { requestId } }).catch((err) => errors.error("could not record an inbox event", err));
}
