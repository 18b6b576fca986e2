import type { EmailPayload, OutboxChannel, OutboxPayloads, WebhookPayload } from "../db/schema.ts";

/** An outbox row's payload, tagged with its channel: narrow on `channel` to reach the payload's type. */
export type OutboxMessage = { [C in OutboxChannel]: { channel: C; payload: OutboxPayloads[C] } }[OutboxChannel];

/** What the outbox's payload column holds, whatever the channel. */
export type StoredPayload = OutboxMessage["payload"];

/** The one place an outbox row's JSON payload is read: typed by the row's channel. */
export function readPayload(row: { channel: OutboxChannel; payload: StoredPayload }): OutboxMessage {
  return { channel: row.channel, payload: row.payload } as OutboxMessage;
}

/** The payload of a row of `channel` (a channel reads its own rows with it); throws on another channel's row. */
export function payloadOf<C extends OutboxChannel>(row: { channel: OutboxChannel; payload: StoredPayload }, channel: C): OutboxPayloads[C] {
  if (row.channel !== channel) throw new Error(`outbox row of channel ${row.channel} read as ${channel}`);
  return row.payload as OutboxPayloads[C];
}

/** The email a row carries, or undefined for any other channel. */
export function emailPayload(row: { channel: OutboxChannel; payload: StoredPayload }): EmailPayload | undefined {
  const message = readPayload(row);
  return message.channel === "email" ? message.payload : undefined;
}

/** The webhook event a row carries, or undefined for any other channel. */
export function webhookPayload(row: { channel: OutboxChannel; payload: StoredPayload }): WebhookPayload | undefined {
  const message = readPayload(row);
  return message.channel === "webhook" ? message.payload : undefined;
}
