import type { Db } from "../db/client.ts";
import { outbox, type EmailPayload, type OutboxKind } from "../db/schema.ts";
import { enqueueOwnerAlert, type AlertRouting } from "../channels/push/alert-routing.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Enqueue inside the caller's transaction, so a notification commits with what it is about, or not at all.

/**
 * Queues an owner alert: an SMS to the site's alert number (looked up when sending) and to each person
 * who opted in on their own proved number, and a push to each person's devices, as each chose (see
 * channels/push/alert-routing.ts). `routing` comes from the change's effects (`fx.alerts`).
 */
export async function enqueueOwnerSms(tx: Tx, item: { siteId: number; requestId: string | null; text: string; now: Date; routing: AlertRouting }): Promise<void> {
  await enqueueOwnerAlert(tx, item, item.routing);
}

/** Queues an SMS to a shopper's own number (only after the guards in customers/shopper-sms.ts). */
export async function enqueueShopperSms(tx: Tx | Db, item: { siteId: number; requestId: string; kind: OutboxKind; to: string; text: string; now: Date }): Promise<void> {
  await tx.insert(outbox).values({
    siteId: item.siteId,
    requestId: item.requestId,
    channel: "sms",
    kind: item.kind,
    audience: "shopper",
    recipient: item.to,
    payload: { text: item.text },
    nextAttemptAt: item.now,
    createdAt: item.now,
    updatedAt: item.now,
  });
}

/** Queues an email: to the site's owner (address looked up when sending) or to a shopper's fixed address. */
export async function enqueueEmail(
  tx: Tx | Db,
  item: { siteId: number; requestId: string | null; kind: OutboxKind; to: "owner" | { shopper: string }; payload: EmailPayload; now: Date; notBefore?: Date },
): Promise<void> {
  await tx.insert(outbox).values({
    siteId: item.siteId,
    requestId: item.requestId,
    channel: "email",
    kind: item.kind,
    audience: item.to === "owner" ? "owner" : "shopper",
    recipient: item.to === "owner" ? null : item.to.shopper,
    payload: item.payload,
    nextAttemptAt: item.notBefore ?? item.now,
    createdAt: item.now,
    updatedAt: item.now,
  });
}
