import { eq } from "drizzle-orm";
import type { ChangeDeps } from "../../pipeline/commit.ts";
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
  { db, clock, pipeline }: ChangeDeps,
  report: { messageSid: string; status: string; errorCode?: string | undefined },
): Promise<{ siteId: number; requestId: string | null } | null> {
  const [current] = await db.select({ providerStatus: outbox.providerStatus, siteId: outbox.siteId, requestId: outbox.requestId }).from(outbox).where(eq(outbox.providerId, report.messageSid));
  if (!current) return null;
  if ((STAGE[current.providerStatus ?? ""] ?? -1) > (STAGE[report.status] ?? 3)) return { siteId: current.siteId, requestId: current.requestId };
  const failed = FAILED.has(report.status);
  const [row] = await pipeline.commit(db, async (tx, fx) => {
    const updated = await tx
      .update(outbox)
      .set({
        providerStatus: report.status,
        ...(failed && { lastError: `Twilio reports ${report.status}${report.errorCode ? ` (error ${report.errorCode})` : ""}.` }),
        updatedAt: clock.now(),
      })
      .where(eq(outbox.providerId, report.messageSid))
      .returning({ siteId: outbox.siteId, requestId: outbox.requestId });
    if (updated[0]?.requestId) await fx.request("request.updated", updated[0].siteId, updated[0].requestId);
    return updated;
  });
  return row ?? null;
}
