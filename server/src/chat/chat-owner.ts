import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { chatMessages, chats, outbox, requestEvents, requests } from "../db/schema.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { Conflict } from "../domain-errors.ts";
import { newMessageId } from "../channels/email/email.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { textToHtml } from "@beckon/contract/autoreply";
import { chatTopic } from "./chat-access.ts";
import { chatMessageView } from "./chat-view.ts";
import { memberRequest } from "../inbox/inbox.ts";
import { readSettings } from "../sites/site-settings.ts";
import { typedText } from "../http/validation.ts";
import { t } from "../i18n/catalog.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { emailPayload } from "../outbox/payload.ts";
import { recordFiles, type StoredFile } from "../files/attachments.ts";

/** An answer the shopper has not seen in the widget by then goes to their email, if they left one. */
export const CHAT_EMAIL_DELAY_MS = 2 * 60_000;

export const answerInput = z.object({ text: typedText({ error: "Write your answer." }).trim().min(1, "Write your answer.").max(2000, "Please keep it under 2,000 characters.") });
/** An answer with files: the words are optional. */
export const answerWithFilesInput = z.object({ text: typedText().trim().max(2000, "Please keep it under 2,000 characters.") });

const bothParts = (text: string) => ({ text, html: textToHtml(text) });

/** The owner answers in a chat, from the inbox or by SMS: live in the widget, by email if the shopper has gone. */
export async function postOwnerLine(deps: ChangeDeps & { mailFrom: { address: string } }, userId: number, requestId: string, input: z.output<typeof answerInput>, via: "inbox" | "sms", files: StoredFile[] = [], fileLinks: string[] = []) {
  const { db, clock } = deps;
  const { text } = input;
  const row = await memberRequest(db, userId, requestId);
  if (row.request.kind !== "chat") throw new Conflict("not_a_chat", "Only chats can be answered here; reply to messages by email.");
  const settings = readSettings(row.site.settings);
  const fields = readFields(row.request);
  const email = emailOf(fields);
  const now = clock.now();

  const earlier = email
    ? (
        await db
          .select({ channel: outbox.channel, payload: outbox.payload })
          .from(outbox)
          .where(and(eq(outbox.requestId, requestId), eq(outbox.kind, "chat_reply")))
          .orderBy(asc(outbox.id))
      ).flatMap((r) => emailPayload(r)?.messageId ?? [])
    : [];

  const message = await deps.pipeline.commit(db, async (tx, fx) => {
    const [added] = await tx.insert(chatMessages).values({ requestId, author: "owner", body: text, via, userId, createdAt: now }).returning();
    const view = chatMessageView(added!, settings.ownerFirstName || null, await recordFiles(tx, files, { requestId, chatMessageId: added!.id }));
    await fx.emit({ siteId: row.site.id, topic: chatTopic(requestId), type: "message", data: view });
    await tx.update(chats).set({ lastOwnerAt: now }).where(eq(chats.requestId, requestId));
    if (row.request.status === "new") {
      await tx.update(requests).set({ status: "in_progress", updatedAt: now }).where(eq(requests.id, requestId));
      await tx.insert(requestEvents).values({ requestId, type: "status", actorUserId: userId, data: { from: "new", to: "in_progress" }, createdAt: now });
    }
    await fx.request("request.updated", row.site.id, requestId);
    if (email) {
      // In the shopper's language: only the owner's own answer stays as they wrote it.
      const locale = shopperLocale(settings, row.request.locale);
      const from = settings.ownerFirstName ? t(locale, "email.from_owner", { owner: settings.ownerFirstName, site: row.site.name }) : row.site.name;
      await enqueueEmail(tx, {
        siteId: row.site.id,
        requestId,
        kind: "chat_reply",
        to: { shopper: email },
        payload: {
          subject: t(locale, "email.chat_subject", { site: row.site.name }),
          // One text, both parts: textToHtml escapes it and wraps the paragraphs.
          ...bothParts(`${[text, ...fileLinks].filter(Boolean).join("\n")}\n\n${t(locale, "email.chat_footer", { from })}`),
          fromName: from,
          messageId: newMessageId(deps.mailFrom.address),
          chatMessageId: view.id,
          ...(earlier.length && { inReplyTo: earlier.at(-1)!, references: earlier }),
        },
        now,
        notBefore: new Date(now.getTime() + CHAT_EMAIL_DELAY_MS),
      });
    }
    return view;
  });
  return { siteId: row.site.id, message };
}
