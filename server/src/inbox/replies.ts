import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { outbox, requestEvents, requests, siteMembers, sites } from "../db/schema.ts";
import { Conflict, NotFound } from "../domain-errors.ts";
import { newMessageId } from "../channels/email/email.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { textToHtml } from "@beckon/contract/autoreply";
import { readSettings } from "../sites/site-settings.ts";
import { typedText } from "../http/validation.ts";
import { t } from "../i18n/catalog.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { emailPayload } from "../outbox/payload.ts";

export const replyInput = z.object({ text: typedText().trim().min(1, "Write your reply.").max(10_000, "Please keep it under 10,000 characters.") });

/**
 * The owner answers a shopper's message from the inbox: emailed in the same thread as what the shopper
 * already received (Message-ID, In-Reply-To, References), and recorded on the request's timeline.
 */
export async function sendReply(deps: ChangeDeps & { mailFrom: { address: string } }, userId: number, requestId: string, input: z.output<typeof replyInput>) {
  const { db, clock } = deps;
  const { text } = input;
  const [row] = await db
    .select({ request: requests, site: { id: sites.id, name: sites.name, settings: sites.settings } })
    .from(requests)
    .innerJoin(sites, eq(sites.id, requests.siteId))
    .innerJoin(siteMembers, and(eq(siteMembers.siteId, requests.siteId), eq(siteMembers.userId, userId)))
    .where(eq(requests.id, requestId));
  if (!row) throw new NotFound("not_found", "There is no such request in your sites.");
  const fields = readFields(row.request);
  const email = emailOf(fields);
  if (!email) throw new Conflict("no_email", "This shopper left no email address to answer.");

  const thread = await db
    .select({ channel: outbox.channel, payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.requestId, requestId), eq(outbox.channel, "email"), eq(outbox.audience, "shopper")))
    .orderBy(asc(outbox.id));
  const earlier = thread.flatMap((t) => emailPayload(t) ?? []);
  const first = earlier[0];
  const topic = fields.kind === "message" ? fields.topic : null;
  const settings = readSettings(row.site.settings);
  const locale = shopperLocale(settings, row.request.locale);
  const subject = first ? (first.subject.startsWith("Re: ") ? first.subject : `Re: ${first.subject}`) : `Re: ${topic || t(locale, "email.reply_subject", { site: row.site.name })}`;
  const references = earlier.map((m) => m.messageId);
  const owner = settings.ownerFirstName;
  const now = clock.now();

  await deps.pipeline.commit(db, async (tx, fx) => {
    await enqueueEmail(tx, {
      siteId: row.site.id,
      requestId,
      kind: "reply",
      to: { shopper: email },
      payload: {
        subject,
        text,
        html: textToHtml(text),
        fromName: owner ? t(locale, "email.from_owner", { owner, site: row.site.name }) : row.site.name,
        messageId: newMessageId(deps.mailFrom.address),
        ...(references.length && { inReplyTo: references.at(-1)!, references }),
      },
      now,
    });
    await tx.insert(requestEvents).values({ requestId, type: "reply", actorUserId: userId, data: { text }, createdAt: now });
    if (row.request.status === "new") {
      await tx.update(requests).set({ status: "in_progress", updatedAt: now }).where(eq(requests.id, requestId));
      await tx.insert(requestEvents).values({ requestId, type: "status", actorUserId: userId, data: { from: "new", to: "in_progress" }, createdAt: now });
    }
    await fx.request("request.updated", row.site.id, requestId);
  });
  return { siteId: row.site.id };
}
