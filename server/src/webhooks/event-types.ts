/** The events an endpoint may subscribe to. Each carries `{ id, type, version: 1, created_at, data }`. */
export const WEBHOOK_EVENTS = {
  "request.created": "A shopper asked for a call-back, sent a message or started a chat.",
  "request.updated": "A request changed: status, reply, spam, call or chat activity.",
  "chat.line": "A line was written in a chat, by the shopper or the owner.",
  "call.completed": "A bridged call to the shopper ended (called or missed).",
  "request.rated": "A shopper rated a done request (good, okay or bad, with an optional comment).",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** The payload schema's version: bumped only when a field changes meaning or disappears. */
export const WEBHOOK_VERSION = 1;
