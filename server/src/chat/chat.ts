import { and, eq, max, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { chatMessages, chats, customers, events, requestEvents, requests } from "../db/schema.ts";
import { Forbidden } from "../domain-errors.ts";
import type { ChangeDeps, Effects, Tx } from "../pipeline/commit.ts";
import { enqueueOwnerSms } from "../outbox/outbox.ts";
import { chatAlertText } from "../channels/sms/sms-text.ts";
import { chatToken, chatTopic, hashChatToken, shopperChat } from "./chat-access.ts";
import { chatMessageView, chatTranscript } from "./chat-view.ts";
import { ratingOf } from "../ratings/ratings.ts";
import { afterWords } from "./chat-after.ts";
import { ownerAvailable } from "./chat-presence.ts";
import { createRequest } from "../intake/create-request.ts";
import type { PublicSite, Site } from "../sites/sites.ts";
import { typedText } from "../http/validation.ts";
import { invalidIn } from "../i18n/field-errors.ts";
import { t } from "../i18n/catalog.ts";
import type { SenderCheck } from "../spam/screen.ts";
import type { Submission } from "../intake/intake.ts";
import { isProtected } from "../customers/customer-match.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { recordFiles, type StoredFile } from "../files/attachments.ts";
import { filesNote } from "../files/files-note.ts";

export type ChatDeps = ChangeDeps & { publicUrl: string };

/** A chat texts the owner again only after this long without an alert or an answer: never one SMS per line. */
export const CHAT_QUIET_MS = 10 * 60_000;

const line = typedText({ error: "validation.message_required" }).trim().min(1, "validation.message_required").max(2000, "validation.too_long");
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId must be 8–64 URL-safe characters.").optional();
const email = z.string().trim().max(200).pipe(z.email("validation.email_invalid")).transform((e) => e.toLowerCase());

/** A chat's first post (checked by the route, in the shopper's language). */
export const startInput = z.object({
  token: chatToken,
  name: typedText().trim().max(100, "validation.name_too_long").optional(),
  email: z.union([z.literal(""), email]).optional(),
  message: line,
  clientId,
  company: z.string().optional(),
  consent: z.boolean({ error: "validation.consent_boolean" }).optional(),
});
/** A further line. */
export const lineInput = z.object({ token: chatToken, message: line, clientId });
/** The shopper's email, left in the chat. */
export const chatEmailInput = z.object({ token: chatToken, email });
/** The newest owner line the widget has shown. */
export const seenInput = z.object({ token: chatToken, upTo: z.number().int().nonnegative() });

/** Refuses a chat on a site that does not offer it (403 `chat_disabled`). */
export function assertChatOffered(site: PublicSite): void {
  if (!site.settings.channels.includes("chat")) throw new Forbidden("chat_disabled", "This shop does not offer live chat.");
}
/** With files, the words are optional. */
export const filesLineInput = lineInput.extend({ message: typedText().trim().max(2000, "validation.too_long") });

/**
 * Starts a chat with its first line. The widget makes the token, so a retry of the same start (same
 * token) finds the chat already there and answers the same: no second chat, no second SMS.
 */
export async function startChat(deps: ChatDeps, site: PublicSite, submission: Submission<z.output<typeof startInput>>, meta: { origin: string | undefined; sender?: SenderCheck }) {
  const { db, clock } = deps;
  assertChatOffered(site);
  const { data, locale, shop } = submission;
  const tokenHash = hashChatToken(data.token);
  const existing = await db.select({ id: chats.requestId }).from(chats).where(eq(chats.tokenHash, tokenHash));
  if (existing[0]) return shopperView(db, site, existing[0].id, data.token, clock.now());
  if (data.company?.trim()) return { id: randomUUID(), status: "new" as const, ref: "0", messages: [], ownerAvailable: false };
  // Chat has its own consent setting: a tick required for call-backs or messages does not apply here.
  if (site.settings.consent.chat.required && data.consent !== true) throw invalidIn(locale, { consent: t(locale, "validation.consent_chat") });

  const id = randomUUID();
  const now = clock.now();
  const name = data.name || undefined;
  const address = data.email || undefined;
  const spam = (await meta.sender?.screen({ email: address })) ?? null;
  await deps.pipeline.commit(db, async (tx, fx) => {
    const { ref, customer, known } = await createRequest(tx, fx, site, {
      kind: "chat",
      customer: { name: name ?? null, ...(address && { email: address }) },
      fields: { name: name ?? null, email: address ?? null, ...(data.consent !== undefined && { consent: data.consent }) },
      context: { id, now, origin: meta.origin, senderHash: meta.sender?.senderHash, spam, locale, shop },
    });
    await tx.insert(chats).values({ requestId: id, tokenHash, lastShopperAt: now, lastAlertAt: now });
    await addShopperLine(tx, fx, site.id, id, data.message, data.clientId, now);
    if (spam) return; // kept for the Spam view: no reminder, no live row, no SMS
    const link = `${deps.publicUrl}/admin/requests/${id}`;
    await enqueueOwnerSms(tx, {
      siteId: site.id,
      requestId: id,
      text: chatAlertText({ ref, name, message: data.message, earlierRequests: customer.requestCount - 1, link, first: true, lead: known.lead, standing: known.standing }),
      now,
      routing: fx.alerts,
    });
  });
  return shopperView(db, site, id, data.token, now);
}

/** A further line from the shopper (with `files` already stored, if any). Reopens a closed chat; texts the owner only after a quiet spell. */
export async function postShopperLine(deps: ChatDeps, site: Site, id: string, data: z.output<typeof lineInput>, files: StoredFile[] = []) {
  const { db, clock } = deps;
  const { request, chat } = await shopperChat(db, site.id, id, data.token);
  if (data.clientId) {
    const [dupe] = await db.select().from(chatMessages).where(and(eq(chatMessages.requestId, id), eq(chatMessages.clientId, data.clientId)));
    if (dupe) return { message: chatMessageView(dupe, null), alerted: false };
  }
  const now = clock.now();
  const quietSince = Math.max(chat.lastAlertAt?.getTime() ?? 0, chat.lastOwnerAt?.getTime() ?? 0);
  // Asked again, or a VIP: no quiet spell while the owner has not answered this chat yet (issue #12).
  const [owner] = await db.select({ vip: customers.vip }).from(customers).where(eq(customers.id, request.customerId));
  const urgent = Boolean(request.repeat || owner?.vip) && !chat.lastOwnerAt;
  const alert = !request.spamAt && (urgent || now.getTime() - quietSince >= CHAT_QUIET_MS); // spam never texts
  const message = await deps.pipeline.commit(db, async (tx, fx) => {
    const added = await addShopperLine(tx, fx, site.id, id, data.message, data.clientId, now, files);
    await tx.update(chats).set({ lastShopperAt: now, ...(alert && { lastAlertAt: now }) }).where(eq(chats.requestId, id));
    if (request.status === "done") {
      await tx.update(requests).set({ status: "new", updatedAt: now }).where(eq(requests.id, id));
      await tx.insert(requestEvents).values({ requestId: id, type: "status", data: { from: "done", to: "new", reason: "The shopper wrote again." }, createdAt: now });
    } else {
      await tx.update(requests).set({ updatedAt: now }).where(eq(requests.id, id));
    }
    await fx.request("request.updated", site.id, id);
    if (alert) {
      const [customer] = await tx.select({ count: customers.requestCount }).from(customers).where(eq(customers.id, request.customerId));
      const name = readFields(request).name ?? undefined;
      const link = `${deps.publicUrl}/admin/requests/${id}`;
      await enqueueOwnerSms(tx, { siteId: site.id, requestId: id, text: chatAlertText({ ref: request.ref, name, message: data.message, earlierRequests: (customer?.count ?? 1) - 1, link, first: false, files: filesNote(files) }), now, routing: fx.alerts });
    }
    return added;
  });
  return { message, alerted: alert };
}

async function addShopperLine(tx: Tx, fx: Effects, siteId: number, requestId: string, body: string, clientId: string | undefined, now: Date, files: StoredFile[] = []) {
  const [row] = await tx.insert(chatMessages).values({ requestId, author: "shopper", body, via: "widget", clientId: clientId ?? null, createdAt: now }).returning();
  const view = chatMessageView(row!, null, await recordFiles(tx, files, { requestId, chatMessageId: row!.id }));
  await fx.emit({ siteId, topic: chatTopic(requestId), type: "message", data: view });
  return view;
}

/** The shopper leaves an email so an answer can still reach them after they have gone. */
export async function setChatEmail(deps: ChatDeps, site: Site, id: string, data: z.output<typeof chatEmailInput>) {
  const { db, clock } = deps;
  const { request } = await shopperChat(db, site.id, id, data.token);
  const now = clock.now();
  await deps.pipeline.commit(db, async (tx, fx) => {
    // A known address moves the chat onto that customer's record, so their history stays in one place.
    const [known] = await tx.select().from(customers).where(and(eq(customers.siteId, site.id), eq(customers.email, data.email)));
    // A verified record is never joined by a typed address (issue #12): the owner sees a suggestion instead.
    if (known && known.id !== request.customerId && !isProtected(known)) {
      await tx.update(requests).set({ customerId: known.id }).where(eq(requests.id, id));
      await tx.update(customers).set({ requestCount: sql`${customers.requestCount} + 1`, lastSeenAt: now }).where(eq(customers.id, known.id));
      await tx.update(customers).set({ requestCount: sql`max(${customers.requestCount} - 1, 0)` }).where(eq(customers.id, request.customerId));
    } else if (!known) {
      await tx.update(customers).set({ email: data.email }).where(eq(customers.id, request.customerId));
    }
    await tx.update(requests).set({ fields: { ...request.fields, email: data.email }, updatedAt: now }).where(eq(requests.id, id));
    await fx.request("request.updated", site.id, id);
  });
  return { email: data.email };
}

/** The widget has shown the shopper everything up to `upTo`: answers they have seen are not emailed. */
export async function markChatSeen(db: Db, site: Site, id: string, data: z.output<typeof seenInput>) {
  await shopperChat(db, site.id, id, data.token);
  await db.update(chats).set({ shopperSeenId: sql`max(${chats.shopperSeenId}, ${data.upTo})` }).where(eq(chats.requestId, id));
}

/** What the widget shows for a chat: its lines, whether it is closed, and whether the owner is around. */
export async function shopperView(db: Db, site: PublicSite, id: string, token: unknown, now: Date) {
  const { request, chat } = await shopperChat(db, site.id, id, token);
  // Read before the transcript: a stream resumed from here may repeat a line (the widget drops it by
  // id) but can never miss one.
  const [latest] = await db.select({ id: max(events.id) }).from(events).where(and(eq(events.siteId, site.id), eq(events.topic, chatTopic(id))));
  const ownerName = site.settings.ownerFirstName || null;
  const messages = (await chatTranscript(db, id)).map((m) => (m.author === "owner" ? { ...m, by: ownerName ?? m.by } : m));
  return {
    id,
    ref: request.ref,
    status: request.status,
    email: emailOf(readFields(request)) ?? null,
    messages,
    /** Give this to the event stream as `?lastEventId=` to carry on from this transcript. */
    lastEventId: latest?.id ?? 0,
    /** The newest owner line the widget has shown: later ones are unread, also after a reload. */
    seenUpTo: chat.shopperSeenId,
    /** The newest line the owner has had open: the widget shows "Seen" under the shopper's lines up to it. */
    ownerSeenUpTo: chat.ownerSeenId,
    /** The shopper's rating once the chat is done, or null: the widget asks "How did we do?" while it is null. */
    rating: await ratingOf(db, id),
    /** The words of "Email me this chat" and the rating form, in the shopper's language (chat-after.ts). */
    words: afterWords(shopperLocale(site.settings, request.locale)),
    ownerAvailable: ownerAvailable(site, now),
  };
}
