import { and, eq, gt } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { outbox, requestEvents } from "../db/schema.ts";
import { newMessageId } from "../channels/email/email.ts";
import { ownerCopy } from "../channels/email/email-text.ts";
import { enqueueEmail, enqueueOwnerSms } from "../outbox/outbox.ts";
import { messageAlertText } from "../channels/sms/sms-text.ts";
import { isOpen, nextOpening } from "../sites/availability.ts";
import { autoReplyView, renderText, textToHtml } from "@beckon/contract/autoreply";
import { storeSubmission, type Submission, type SubmissionAnswer } from "../intake/intake.ts";
import { createRequest } from "../intake/create-request.ts";
import { replyPromise, replyTimeText } from "../sites/reply-time.ts";
import type { MessageField } from "../sites/site-settings.ts";
import type { Site } from "../sites/sites.ts";
import { typedText } from "../http/validation.ts";
import { invalidIn } from "../i18n/field-errors.ts";
import { t } from "../i18n/catalog.ts";
import type { Locale } from "../i18n/locales.ts";
import { shopperWords } from "../sites/locale-settings.ts";
import type { SenderCheck } from "../spam/screen.ts";
import { recordFiles, type StoredFile } from "../files/attachments.ts";
import { fileLink } from "../files/file-links.ts";
import { filesNote } from "../files/files-note.ts";

export type MessageDeps = ChangeDeps & {
  publicUrl: string;
  mailFrom: { name: string; address: string };
  /** Signs the links to a message's files in the owner's email (files/file-links.ts). */
  linkSecret?: string;
};

/** A "Send a message" form as the widget sends it (checked by the route, in the shopper's language). */
export const messageInput = z.object({
  name: typedText({ error: "validation.name_required" }).trim().min(1, "validation.name_required").max(100, "validation.name_too_long"),
  email: z
    .string({ error: "validation.email_required" })
    .trim()
    .max(200)
    .pipe(z.email("validation.email_invalid"))
    .transform((e) => e.toLowerCase()),
  topic: typedText().trim().max(150, "validation.topic_too_long").optional(),
  message: typedText({ error: "validation.message_required" }).trim().min(1, "validation.message_required").max(5000, "validation.too_long"),
  fields: z.record(z.string(), z.union([typedText().max(500), z.boolean()])).default({}),
  consent: z.boolean().optional(),
  timeZone: z.string().max(64).optional(),
  company: z.string().optional(),
});
export type MessageInput = z.output<typeof messageInput>;

// Our form must not become a way to mail-bomb someone else: one auto-reply per address per hour, across all sites.
const AUTOREPLY_WINDOW_MS = 60 * 60_000;

/** Checks the owner's extra fields; returns their display values and any field errors (`fields.<id>`). */
function readExtraFields(defs: MessageField[], values: Record<string, string | boolean>, locale: Locale) {
  const errors: Record<string, string> = {};
  const extras: { id: string; label: string; value: string }[] = [];
  for (const def of defs) {
    const raw = values[def.id];
    const key = `fields.${def.id}`;
    if (def.type === "checkbox") {
      if (def.required && raw !== true) errors[key] = t(locale, "validation.field_tick", { label: def.label });
      if (raw === true) extras.push({ id: def.id, label: def.label, value: "Yes" });
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (!text) {
      if (def.required) errors[key] = t(locale, def.type === "choice" ? "validation.field_choose" : "validation.field_fill", { label: def.label });
      continue;
    }
    if (def.type === "choice" && !def.options.includes(text)) errors[key] = t(locale, "validation.field_options", { label: def.label });
    else extras.push({ id: def.id, label: def.label, value: text.slice(0, 200) });
  }
  return { errors, extras };
}

/**
 * A shopper's message: stored, then the owner's email and SMS and the shopper's auto-reply go out through
 * the outbox. `files`: already checked and in the store (routes/public-message-files.ts), recorded in the
 * same commit as the message.
 */
export async function submitMessage(
  deps: MessageDeps,
  site: Site,
  submission: Submission<MessageInput>,
  meta: { idempotencyKey: string | undefined; origin: string | undefined; sender?: SenderCheck },
  files: StoredFile[] = [],
) {
  const { clock } = deps;
  const key = meta.idempotencyKey;
  const { data, locale, shop } = submission;
  const s = site.settings;
  const { errors, extras } = readExtraFields(s.messageFields, data.fields, locale);
  if (s.consent.message.required && data.consent !== true) errors.consent = t(locale, "validation.consent_message");
  if (Object.keys(errors).length) throw invalidIn(locale, errors);
  const spam = (await meta.sender?.screen({ email: data.email })) ?? null;

  const now = clock.now();
  const id = randomUUID();
  const replyTime = replyTimeText(s, now, data.timeZone, locale);
  const opens = isOpen(s, now) ? null : nextOpening(s, now);
  const answer: SubmissionAnswer = { id, status: "new", expect: opens ? { kind: "next_open", at: opens.toISOString() } : { kind: "soon" }, replyTime, reply: replyPromise(s, now) };
  const link = `${deps.publicUrl}/admin/requests/${id}`;

  return storeSubmission(deps, site.id, { key, answer, spam }, async (tx, fx) => {
    const { ref, customer, known } = await createRequest(tx, fx, site, {
      kind: "message",
      customer: { name: data.name, email: data.email },
      fields: {
        name: data.name,
        email: data.email,
        topic: data.topic ?? null,
        message: data.message,
        extras: Object.fromEntries(extras.map((e) => [e.id, e.value])),
        consent: data.consent ?? null,
      },
      context: { id, now, origin: meta.origin, senderHash: meta.sender?.senderHash, spam, locale, shop },
    });
    const attached = await recordFiles(tx, files, { requestId: id });
    const earlierRequests = customer.requestCount - 1;
    if (spam) return; // stored for the Spam view; no mail, no SMS

    const linked = deps.linkSecret ? attached.map((f) => ({ name: f.name, url: fileLink(deps.publicUrl, deps.linkSecret!, f.id) })) : [];
    const copy = ownerCopy({ siteName: site.name, ref, name: data.name, email: data.email, topic: data.topic, message: data.message, extras, earlierRequests, link, files: linked });
    await enqueueEmail(tx, {
      siteId: site.id,
      requestId: id,
      kind: "owner_email",
      to: "owner",
      payload: { ...copy, replyTo: { name: data.name, address: data.email }, messageId: newMessageId(deps.mailFrom.address) },
      now,
    });
    await enqueueOwnerSms(tx, {
      siteId: site.id,
      requestId: id,
      text: messageAlertText({ ref, name: data.name, email: data.email, topic: data.topic, message: data.message, earlierRequests, link, lead: known.lead, standing: known.standing, files: filesNote(attached) }),
      now,
      routing: fx.alerts,
    });

    if (!s.autoReply.enabled) return;
    const [recent] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.kind, "autoreply"), eq(outbox.recipient, data.email), gt(outbox.createdAt, new Date(now.getTime() - AUTOREPLY_WINDOW_MS))))
      .limit(1);
    if (recent) {
      await tx.insert(requestEvents).values({ requestId: id, type: "autoreply_skipped", data: { reason: "An auto-reply already went to this address within the hour." }, createdAt: now });
    } else {
      const view = autoReplyView({
        name: data.name,
        topic: data.topic,
        fields: Object.fromEntries(extras.map((e) => [e.id, e.value])),
        returning: earlierRequests > 0,
        siteName: site.name,
        settings: s,
        replyTime,
        teamName: t(locale, "email.team", { site: site.name }),
      });
      // In the shopper's language: the owner's text for it, else the site's, else Beckon's own in that language.
      const words = shopperWords(s, locale).autoReply;
      const text = renderText(words.body, view);
      await enqueueEmail(tx, {
        siteId: site.id,
        requestId: id,
        kind: "autoreply",
        to: { shopper: data.email },
        payload: {
          subject: renderText(words.subject, view).replace(/[\r\n]+/g, " ").slice(0, 200),
          text,
          html: textToHtml(text),
          fromName: site.name,
          messageId: newMessageId(deps.mailFrom.address),
        },
        now,
      });
    }
  });
}
