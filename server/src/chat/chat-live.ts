// "Is typing" and "seen": what each side of a chat learns about the other while both are there.
//
// Typing is announced on the event log without being stored and without the change pipeline, on
// purpose: it changes nothing (no row, no webhook, no outbox), is worthless two seconds later, and
// at one event per keystroke burst it would grow the events table faster than every real change
// together. The price: only streams served by this process hear it (another process's shopper
// simply sees no "typing"), which is fine for a hint. "Seen" is stored (chats.owner_seen_id /
// shopper_seen_id, so a reload shows it) and announced the same way.
import { and, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { chatMessages, chats, requests } from "../db/schema.ts";
import type { EventLog } from "../events/event-log.ts";
import { INBOX_TOPIC } from "../events/inbox-events.ts";
import { memberRequest } from "../inbox/inbox.ts";
import type { Site } from "../sites/sites.ts";
import { chatToken, chatTopic, shopperChat } from "./chat-access.ts";

/** Each side sends "typing" at most this often; the server drops anything more frequent. */
export const TYPING_EVERY_MS = 2000;

/** The inbox stream's live-only events (the stored ones are request.created / request.updated). */
export type ChatLiveInboxEvent = "chat.typing" | "chat.seen";

export type ChatLiveDeps = { db: Db; events: EventLog; clock: { now(): Date } };

/** Remembers when each side of each chat last typed, to throttle; forgets entries as they go stale. */
export function typingThrottle() {
  const last = new Map<string, number>();
  return (key: string, now: number): boolean => {
    const before = last.get(key);
    if (before !== undefined && now - before < TYPING_EVERY_MS) return false;
    if (last.size > 10_000) for (const [k, at] of last) if (now - at >= TYPING_EVERY_MS) last.delete(k);
    last.set(key, now);
    return true;
  };
}

/** The shopper is typing: the site's open inboxes hear it (the request page shows "… is typing"). */
export const typingInput = z.object({ token: chatToken });

export async function shopperTyping(deps: ChatLiveDeps, allow: ReturnType<typeof typingThrottle>, site: Site, id: string, { token }: z.output<typeof typingInput>) {
  await shopperChat(deps.db, site.id, id, token);
  if (allow(`s:${id}`, deps.clock.now().getTime())) deps.events.announce({ siteId: site.id, topic: INBOX_TOPIC, type: "chat.typing", data: { requestId: id } });
}

/** The owner is typing an answer: the shopper's widget hears it on the chat's stream. */
export async function ownerTyping(deps: ChatLiveDeps, allow: ReturnType<typeof typingThrottle>, userId: number, requestId: string) {
  const row = await memberRequest(deps.db, userId, requestId);
  if (row.request.kind !== "chat") return;
  if (allow(`o:${requestId}`, deps.clock.now().getTime())) deps.events.announce({ siteId: row.site.id, topic: chatTopic(requestId), type: "typing", data: {} });
}

/**
 * The owner has the chat open in the owner app: every line so far counts as read by them, and the
 * shopper's widget hears how far ("Seen" under their last line up to there).
 */
export async function markOwnerRead(deps: ChatLiveDeps, requestId: string) {
  const [request] = await deps.db.select({ siteId: requests.siteId }).from(requests).where(eq(requests.id, requestId));
  if (!request) return;
  const [newest] = await deps.db.select({ id: max(chatMessages.id) }).from(chatMessages).where(eq(chatMessages.requestId, requestId));
  const upTo = newest?.id ?? 0;
  const changed = await deps.db
    .update(chats)
    .set({ ownerSeenId: upTo })
    .where(and(eq(chats.requestId, requestId), sql`${chats.ownerSeenId} < ${upTo}`))
    .returning({ id: chats.requestId });
  if (changed.length) deps.events.announce({ siteId: request.siteId, topic: chatTopic(requestId), type: "seen", data: { upTo } });
}

/** The shopper's widget has shown the owner's answers up to `upTo`: the request page shows "Read". */
export function announceShopperRead(events: EventLog, siteId: number, requestId: string, upTo: number) {
  events.announce({ siteId, topic: INBOX_TOPIC, type: "chat.seen", data: { requestId, upTo } });
}

/** How far the shopper has read the owner's answers (the request page shows "Read" up to there). */
export async function shopperReadUpTo(db: Db, requestId: string): Promise<number> {
  const [row] = await db.select({ id: chats.shopperSeenId }).from(chats).where(eq(chats.requestId, requestId));
  return row?.id ?? 0;
}
