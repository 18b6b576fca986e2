import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { identitySecrets } from "../db/schema.ts";

/** The site's identity secret, if one was made. */
export async function identitySecretOf(db: Db, siteId: number): Promise<string | undefined> {
  const [row] = await db.select({ secret: identitySecrets.secret }).from(identitySecrets).where(eq(identitySecrets.siteId, siteId));
  return row?.secret;
}

/** When the current secret was made (the Install page shows this, never the secret again). */
export async function identitySecretMadeAt(db: Db, siteId: number): Promise<Date | null> {
  const [row] = await db.select({ at: identitySecrets.createdAt }).from(identitySecrets).where(eq(identitySecrets.siteId, siteId));
  return row?.at ?? null;
}

/** Makes a new secret (the old one stops working at once) and returns it: the only time it is shown. */
export async function rotateIdentitySecret(db: Db, siteId: number, now: Date): Promise<string> {
  const secret = `bk_id_${randomBytes(24).toString("base64url")}`;
  await db
    .insert(identitySecrets)
    .values({ siteId, secret, createdAt: now })
    .onConflictDoUpdate({ target: identitySecrets.siteId, set: { secret, createdAt: now } });
  return secret;
}
