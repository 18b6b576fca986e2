import { and, asc, eq } from "drizzle-orm";
import { textToHtml } from "@beckon/contract/autoreply";
import { newMessageId } from "../channels/email/email.ts";
import type { Db } from "../db/client.ts";
import { outbox, requestEvents, requests, type EmailPayload, type OutboxKind } from "../db/schema.ts";
import { t } from "../i18n/catalog.ts";
import type { Locale } from "../i18n/locales.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { emailPayload } from "../outbox/payload.ts";
import type { Tx } from "../pipeline/commit.ts";

// What every owner answer does, whether it is a reply to a message (inbox/replies.ts) or a chat line
// the shopper has gone away from (chat/chat-owner.ts): mailed to the shopper in the request's thread,
// and a request still "new" is now "in progress".

/** Who an owner's answer is from in the shopper's mail: "Sam at Shop", else the shop's name. */
export function answerFrom(ownerFirstName: string | null | undefined, siteName: string, locale: Locale): string {
  return ownerFirstName ? t(locale, "email.from_owner", { owner: ownerFirstName, site: siteName }) : siteName;
}

/** The mail a request already sent its shopper (of `kind`, or any), oldest first: the thread an answer joins. */
export async function shopperThread(db: Db, requestId: string, kind?: OutboxKind): Promise<EmailPayload[]> {
  const rows = await db
    .select({ channel: outbox.channel, payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.requestId, requestId), eq(outbox.channel, "email"), eq(outbox.audience, "shopper"), kind && eq(outbox.kind, kind)))
    .orderBy(asc(outbox.id));
  return rows.flatMap((r) => emailPayload(r) ?? []);
}

/** Queues the owner's answer to the shopper's address, threaded after `thread` (In-Reply-To, References). */
export async function enqueueOwnerAnswer(
  tx: Tx,
  answer: { siteId: number; requestId: string; kind: "reply" | "chat_reply"; to: string; subject: string; text: string; fromName: string; thread: EmailPayload[]; mailFrom: { address: string }; now: Date; notBefore?: Date; chatMessageId?: number },
): Promise<void> {
  const references = answer.thread.map((m) => m.messageId);
  await enqueueEmail(tx, {
    siteId: answer.siteId,
    requestId: answer.requestId,
    kind: answer.kind,
    to: { shopper: answer.to },
    payload: {
      subject: answer.subject,
      // One text, both parts: textToHtml escapes it and wraps the paragraphs.
      text: answer.text,
      html: textToHtml(answer.text),
      fromName: answer.fromName,
      messageId: newMessageId(answer.mailFrom.address),
      ...(answer.chatMessageId !== undefined && { chatMessageId: answer.chatMessageId }),
      ...(references.length && { inReplyTo: references.at(-1)!, references }),
    },
    now: answer.now,
    ...(answer.notBefore && { notBefore: answer.notBefore }),
  });
}

/** The owner's first answer moves a "new" request to "in progress", on its timeline too. */
export async function markAnswered(tx: Tx, request: { id: string; status: string }, userId: number, now: Date): Promise<void> {
  if (request.status !== "new") return;
  await tx.update(requests).set({ status: "in_progress", updatedAt: now }).where(eq(requests.id, request.id));
  await tx.insert(requestEvents).values({ requestId: request.id, type: "status", actorUserId: userId, data: { from: "new", to: "in_progress" }, createdAt: now });
}
