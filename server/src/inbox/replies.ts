import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { requestEvents } from "../db/schema.ts";
import { Conflict } from "../domain-errors.ts";
import { readSettings } from "../sites/site-settings.ts";
import { typedText } from "../http/validation.ts";
import { t } from "../i18n/catalog.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { memberRequest } from "./inbox.ts";
import { answerFrom, enqueueOwnerAnswer, markAnswered, shopperThread } from "./owner-answer.ts";
import { recordFiles, type StoredFile } from "../files/attachments.ts";

export const replyInput = z.object({ text: typedText().trim().min(1, "Write your reply.").max(10_000, "Please keep it under 10,000 characters.") });
/** A reply with files: the words are optional. */
export const replyWithFilesInput = z.object({ text: typedText().trim().max(10_000, "Please keep it under 10,000 characters.") });

/**
 * The owner answers a shopper's message from the inbox: emailed in the same thread as what the shopper
 * already received (Message-ID, In-Reply-To, References), and recorded on the request's timeline.
 * `files`: already checked and in the store, recorded with the reply; the mail carries `fileLinks`
 * (signed links, files/file-links.ts), not the files themselves.
 */
export async function sendReply(deps: ChangeDeps & { mailFrom: { address: string } }, userId: number, requestId: string, input: z.output<typeof replyInput>, files: StoredFile[] = [], fileLinks: string[] = []) {
  const { db, clock } = deps;
  const { text } = input;
  const row = await memberRequest(db, userId, requestId);
  const fields = readFields(row.request);
  const email = emailOf(fields);
  if (!email) throw new Conflict("no_email", "This shopper left no email address to answer.");

  const thread = await shopperThread(db, requestId);
  const first = thread[0];
  const topic = fields.kind === "message" ? fields.topic : null;
  const settings = readSettings(row.site.settings);
  const locale = shopperLocale(settings, row.request.locale);
  const subject = first ? (first.subject.startsWith("Re: ") ? first.subject : `Re: ${first.subject}`) : `Re: ${topic || t(locale, "email.reply_subject", { site: row.site.name })}`;
  const now = clock.now();

  await deps.pipeline.commit(db, async (tx, fx) => {
    const fromName = answerFrom(settings.ownerFirstName, row.site.name, locale);
    const mailed = [text, ...fileLinks].filter(Boolean).join("\n");
    await enqueueOwnerAnswer(tx, { siteId: row.site.id, requestId, kind: "reply", to: email, subject, text: mailed, fromName, thread, mailFrom: deps.mailFrom, now });
    const attached = await recordFiles(tx, files, { requestId });
    await tx.insert(requestEvents).values({ requestId, type: "reply", actorUserId: userId, data: { text, ...(attached.length && { files: attached }) }, createdAt: now });
    await markAnswered(tx, row.request, userId, now);
    await fx.request("request.updated", row.site.id, requestId);
  });
  return { siteId: row.site.id };
}
