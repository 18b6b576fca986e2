import { and, eq, inArray, or } from "drizzle-orm";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { outbox } from "../db/schema.ts";
import { Conflict, NotFound } from "../domain-errors.ts";
import { memberRequest } from "../inbox/inbox.ts";
import { defaultRetryPolicy } from "./retry-policy.ts";

/**
 * "Retry now": puts a failed (or not sent) notification of a request the user can see back in the
 * outbox, due at once, with a fresh retry window; also an SMS Twilio accepted but then reported
 * failed or undelivered. Returns the site id for live updates.
 */
export async function retryNotification(deps: ChangeDeps, userId: number, requestId: string, notificationId: number): Promise<{ siteId: number }> {
  const { db, clock } = deps;
  const row = await memberRequest(db, userId, requestId);
  const now = clock.now();
  const [item] = await deps.pipeline.commit(db, async (tx, fx) => {
    const retried = await tx
      .update(outbox)
      .set({ status: "pending", nextAttemptAt: now, retryUntil: new Date(now.getTime() + defaultRetryPolicy.giveUpAfterMs), lockedUntil: null, lastError: null, providerId: null, providerStatus: null, updatedAt: now })
      .where(
        and(
          eq(outbox.id, notificationId),
          eq(outbox.requestId, requestId),
          or(inArray(outbox.status, ["failed", "not_sent"]), and(eq(outbox.status, "sent"), inArray(outbox.providerStatus, ["failed", "undelivered"]))),
        ),
      )
      .returning({ id: outbox.id });
    if (retried[0]) await fx.request("request.updated", row.site.id, requestId);
    return retried;
  });
  if (!item) {
    const [exists] = await db.select({ status: outbox.status }).from(outbox).where(and(eq(outbox.id, notificationId), eq(outbox.requestId, requestId)));
    if (!exists) throw new NotFound("not_found", "There is no such notification on this request.");
    throw new Conflict("not_failed", "Only a notification that failed or was not sent can be retried.");
  }
  return { siteId: row.site.id };
}
