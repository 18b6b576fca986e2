import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { pushSubscriptions } from "../../db/schema.ts";
import { NotFound } from "../../domain-errors.ts";

/** A push service address: https, or http on loopback (a local push service in tests). */
export function pushEndpointAllowed(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
}

const base64url = (what: string) => z.string().trim().regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be URL-safe base64.`).max(200);

/** What the browser's `PushSubscription.toJSON()` gives, plus a name for the device. */
export const subscribeInput = z.object({
  subscription: z.object({
    endpoint: z.string().trim().max(2000).refine(pushEndpointAllowed, "The push endpoint must be an https address."),
    keys: z.object({ p256dh: base64url("p256dh"), auth: base64url("auth") }),
  }),
  label: z.string().trim().max(80).optional(),
});
export const endpointInput = z.object({ endpoint: z.string().trim().min(1, "Name the endpoint.").max(2000) });

/** A device as the owner app lists it (never the keys; the endpoint lets a browser find itself in the list). */
export type Device = { id: number; label: string | null; endpoint: string; endpointHost: string; createdAt: Date; updatedAt: Date };

/** Stores a device's subscription for this person; the same endpoint again updates its row (one row per endpoint). */
export async function subscribe(db: Db, clock: Clock, userId: number, input: z.output<typeof subscribeInput>): Promise<Device> {
  const now = clock.now();
  const { endpoint, keys } = input.subscription;
  const values = { userId, endpoint, p256dh: keys.p256dh, auth: keys.auth, label: input.label ?? null, updatedAt: now };
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
    .returning();
  return device(row!);
}

/** Forgets one of this person's devices. */
export async function unsubscribe(db: Db, userId: number, endpoint: string): Promise<void> {
  const gone = await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint))).returning({ id: pushSubscriptions.id });
  if (!gone.length) throw new NotFound("not_found", "This device is not subscribed.");
}

/** This person's subscribed devices, oldest first. */
export async function devicesOf(db: Db, userId: number): Promise<Device[]> {
  const rows = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).orderBy(asc(pushSubscriptions.id));
  return rows.map(device);
}

function device(row: typeof pushSubscriptions.$inferSelect): Device {
  return { id: row.id, label: row.label, endpoint: row.endpoint, endpointHost: new URL(row.endpoint).host, createdAt: row.createdAt, updatedAt: row.updatedAt };
}
