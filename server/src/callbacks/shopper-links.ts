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

const mac = (secret: string, requestId: string, length = 32) => createHmac("sha256", secret).update(`shopper-link:${requestId}`).digest("base64url").slice(0, length);

// A link has to fit a two-segment UCS-2 text (134 characters) beside an Arabic or Japanese sentence, so the
// token is short: the request id's 16 bytes in base64url (22 characters) and a 96-bit MAC (16).
const SHORT_MAC = 16;
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const uuidOf = (b64: string) => {
  const hex = Buffer.from(b64, "base64url").toString("hex");
  return hex.length === 32 ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
};

/** A link token naming one request: `<request id, base64url>.<HMAC>` (39 characters). Only this server can make one. */
export function signLink(secret: string, requestId: string): string {
  return `${uuidBytes(requestId).toString("base64url")}.${mac(secret, requestId, SHORT_MAC)}`;
}

/** The request a token names, or null when it was not made here (tampered, truncated, made up). Reads older long tokens too. */
export function readLink(secret: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const head = token.slice(0, dot);
  // Tokens sent before the short form: `<request id>.<32-character HMAC>`.
  const requestId = head.length === 22 ? uuidOf(head) : head;
  if (!requestId) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, requestId, head.length === 22 ? SHORT_MAC : 32));
  return given.length === expected.length && timingSafeEqual(given, expected) ? requestId : null;
}
