import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { serverMeta } from "../db/schema.ts";

/**
 * The secret that signs links sent to shoppers: APP_SECRET when set, otherwise one generated on first
 * start and kept in the database (so links survive restarts, and every process agrees).
 */
export async function linkSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.insert(serverMeta).values({ key: "link_secret", value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const [row] = await db.select().from(serverMeta).where(eq(serverMeta.key, "link_secret"));
  return row!.value;
}

const mac = (secret: string, requestId: string) => createHmac("sha256", secret).update(`shopper-link:${requestId}`).digest("base64url").slice(0, 32);

/** A link token naming one request: `<request id>.<HMAC>`. Only this server can make one. */
export function signLink(secret: string, requestId: string): string {
  return `${requestId}.${mac(secret, requestId)}`;
}

/** The request a token names, or null when it was not made here (tampered, truncated, made up). */
export function readLink(secret: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const requestId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, requestId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? requestId : null;
}
