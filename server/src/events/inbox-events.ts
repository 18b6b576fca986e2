/** What an open inbox hears about: a request arrived or changed. Carries the id; the stream loads the rest. */
export type InboxEventType = "request.created" | "request.updated";

export const INBOX_TOPIC = "inbox";
