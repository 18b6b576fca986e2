import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { outbox, pushAlerts, pushSubscriptions } from "../../db/schema.ts";
import { Conflict } from "../../domain-errors.ts";
import type { ChangeDeps } from "../../pipeline/commit.ts";

/** Queues "Push works" to each of this person's devices, through the outbox like any alert. */
export async function queueTestPush(deps: ChangeDeps, site: { id: number; name: string }, userId: number): Promise<{ devices: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const devices = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  if (!devices.length) throw new Conflict("no_devices", "Turn on notifications on this device first.");
  const pushId = randomUUID();
  await deps.pipeline.commit(db, async (tx) => {
    await tx.insert(pushAlerts).values({ id: pushId, siteId: site.id, userId, requestId: null, createdAt: now });
    const payload = { pushId, title: `Beckon · ${site.name}`, body: "Notifications work on this device.", url: "/admin", requestId: null };
    await tx.insert(outbox).values(
      devices.map((d) => ({ siteId: site.id, requestId: null, channel: "push", kind: "alert", audience: "owner", payload: { ...payload, subscriptionId: d.id }, nextAttemptAt: now, createdAt: now, updatedAt: now }) as const),
    );
  });
  return { devices: devices.length };
}
