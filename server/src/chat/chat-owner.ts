import { eq } from "drizzle-orm";
import { z } from "zod";
import { chatMessages, chats } from "../db/schema.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { Conflict } from "../domain-errors.ts";
import { chatTopic } from "./chat-access.ts";
import { chatMessageView } from "./chat-view.ts";
import { memberRequest } from "../inbox/inbox.ts";
import { readSettings } from "../sites/site-settings.ts";
import { typedText } from "../http/validation.ts";
import { t } from "../i18n/catalog.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { answerFrom, enqueueOwnerAnswer, markAnswered, shopperThread } from "../inbox/owner-answer.ts";
import { recordFiles, type StoredFile } from "../files/attachments.ts";

/** An answer the shopper has not seen in the widget by then goes to their email, if they left one. */
export const CHAT_EMAIL_DELAY_MS = 2 * 60_000;

export const answerInput = z.object({ text: typedText({ error: "Write your answer." }).trim().min(1, "Write your answer.").max(2000, "Please keep it under 2,000 characters.") });
/** An answer with files: the words are optional. */
export const answerWithFilesInput = z.object({ text: typedText().trim().max(2000, "Please keep it under 2,000 characters.") });

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

  const thread = email ? await shopperThread(db, requestId, "chat_reply") : [];

  const message = await deps.pipeline.commit(db, async (tx, fx) => {
    const [added] = await tx.insert(chatMessages).values({ requestId, author: "owner", body: text, via, userId, createdAt: now }).returning();
    const view = chatMessageView(added!, settings.ownerFirstName || null, await recordFiles(tx, files, { requestId, chatMessageId: added!.id }));
    await fx.emit({ siteId: row.site.id, topic: chatTopic(requestId), type: "message", data: view });
    await tx.update(chats).set({ lastOwnerAt: now }).where(eq(chats.requestId, requestId));
    await markAnswered(tx, row.request, userId, now);
    await fx.request("request.updated", row.site.id, requestId);
    if (email) {
      // In the shopper's language: only the owner's own answer stays as they wrote it.
      const locale = shopperLocale(settings, row.request.locale);
      const from = answerFrom(settings.ownerFirstName, row.site.name, locale);
      await enqueueOwnerAnswer(tx, {
        siteId: row.site.id,
        requestId,
        kind: "chat_reply",
        to: email,
        subject: t(locale, "email.chat_subject", { site: row.site.name }),
        text: `${[text, ...fileLinks].filter(Boolean).join("\n")}\n\n${t(locale, "email.chat_footer", { from })}`,
        fromName: from,
        thread,
        mailFrom: deps.mailFrom,
        chatMessageId: view.id,
        now,
        notBefore: new Date(now.getTime() + CHAT_EMAIL_DELAY_MS),
      });
    }
    return view;
  });
  return { siteId: row.site.id, message };
}
