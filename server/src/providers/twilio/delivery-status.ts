import { eq } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { outbox } from "../../db/schema.ts";

const FAILED = new Set(["failed", "undelivered"]);
// Callbacks can arrive out of order; a later stage is never overwritten by an earlier one.
const STAGE: Record<string, number> = { accepted: 0, scheduled: 0, queued: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4, read: 5 };

/**
 * Twilio's word on an SMS we sent (queued, sent, delivered, undelivered, failed…), kept on its outbox
 * row so the request's notification history says whether the owner's phone really got it.
 * Returns the request it belongs to, or null for a message we do not know.
 */
export async function recordDeliveryStatus(
  db: Db,
  clock: Clock,
  report: { messageSid: string; status: string; errorCode?: string | undefined },
): Promise<{ siteId: number; requestId: string | null } | null> {
  const [current] = await db.select({ providerStatus: outbox.providerStatus, siteId: outbox.siteId, requestId: outbox.requestId }).from(outbox).where(eq(outbox.providerId, report.messageSid));
  if (!current) return null;
  if ((STAGE[current.providerStatus ?? ""] ?? -1) > (STAGE[report.status] ?? 3)) return { siteId: current.siteId, requestId: current.requestId };
  const failed = FAILED.has(report.status);
  const [row] = await db
    .update(outbox)
    .set({
      providerStatus: report.status,
      ...(failed && { lastError: `Twilio reports ${report.status}${report.errorCode ? ` (error ${report.errorCode})` : ""}.` }),
      updatedAt: clock.now(),
    })
    .where(eq(outbox.providerId, report.messageSid))
    .returning({ siteId: outbox.siteId, requestId: outbox.requestId });
  return row ?? null;
}
