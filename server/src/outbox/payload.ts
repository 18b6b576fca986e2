import type { EmailPayload, OutboxChannel, SmsPayload } from "../db/schema.ts";

/** An outbox row's payload, tagged with its channel: narrow on `channel` to reach the payload's type. */
export type OutboxMessage = { channel: "sms"; payload: SmsPayload } | { channel: "email"; payload: EmailPayload };

/** The one place an outbox row's JSON payload is read: typed by the row's channel. */
export function readPayload(row: { channel: OutboxChannel; payload: SmsPayload | EmailPayload }): OutboxMessage {
  return { channel: row.channel, payload: row.payload } as OutboxMessage;
}

/** The email a row carries, or undefined for any other channel. */
export function emailPayload(row: { channel: OutboxChannel; payload: SmsPayload | EmailPayload }): EmailPayload | undefined {
  const message = readPayload(row);
  return message.channel === "email" ? message.payload : undefined;
}
