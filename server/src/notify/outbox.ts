import type { Db } from "../db/client.ts";
import { outbox } from "../db/schema.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Queues an SMS to a site's owner inside the caller's transaction, so it commits with the request or not at all. */
export async function enqueueOwnerSms(
  tx: Tx | Db,
  item: { siteId: number; requestId: string; text: string; now: Date },
): Promise<void> {
  await tx.insert(outbox).values({
    siteId: item.siteId,
    requestId: item.requestId,
    channel: "sms",
    audience: "owner",
    payload: { text: item.text },
    status: "pending",
    nextAttemptAt: item.now,
    createdAt: item.now,
    updatedAt: item.now,
  });
}
