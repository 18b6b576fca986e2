import { and, eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { chats, requests } from "../db/schema.ts";
import { NotFound } from "../domain-errors.ts";

/**
 * The shopper's proof that a chat is theirs: a random token the widget makes and keeps in the host
 * page's localStorage. Only its hash is stored, so the database alone cannot be used to join a chat.
 */
export const chatToken = z
  .string({ error: "A chat token is required." })
  .regex(/^[A-Za-z0-9_-]{32,128}$/, "The chat token must be 32–128 URL-safe characters.");

export const hashChatToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const chatTopic = (requestId: string) => `chat:${requestId}`;

/** The chat `id` on `siteId` whose token is `token`; 404 for anything else, so ids cannot be probed. */
export async function shopperChat(db: Db, siteId: number, id: string, token: unknown) {
  const parsed = chatToken.safeParse(token);
  const [row] = parsed.success
    ? await db
        .select({ request: requests, chat: chats })
        .from(chats)
        .innerJoin(requests, eq(requests.id, chats.requestId))
        .where(and(eq(chats.requestId, id), eq(chats.tokenHash, hashChatToken(parsed.data)), eq(requests.siteId, siteId)))
    : [];
  if (!row) throw new NotFound("unknown_chat", "This chat does not exist or has expired. Start a new one.");
  return row;
}
