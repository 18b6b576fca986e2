import webpush from "web-push";
import { eq } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { pushKeys } from "../../db/schema.ts";

/** The server's VAPID key pair (URL-safe base64, as browsers and `web-push` take them). */
export type VapidKeys = { publicKey: string; privateKey: string };

/**
 * The VAPID keys, made with `web-push` on first start and kept in the database. Never replaced once
 * stored: every browser subscribed with the public key, so a new pair would silence every device.
 * Insert-if-absent, then read back, so two processes starting together agree on one pair.
 */
export async function ensureVapidKeys(db: Db, clock: Clock): Promise<VapidKeys> {
  const [stored] = await db.select().from(pushKeys).where(eq(pushKeys.id, 1));
  if (stored) return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  const made = webpush.generateVAPIDKeys();
  await db.insert(pushKeys).values({ id: 1, ...made, createdAt: clock.now() }).onConflictDoNothing();
  const [kept] = await db.select().from(pushKeys).where(eq(pushKeys.id, 1));
  return { publicKey: kept!.publicKey, privateKey: kept!.privateKey };
}
