// What a shopper can do with a chat besides writing in it (issue #14): have it emailed to them
// ("Email me this chat"), and rate it once it is done.
import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import type { Site } from "../sites/sites.ts";
import { invalidIn } from "../i18n/field-errors.ts";
import { t } from "../i18n/catalog.ts";
import { type Locale } from "../i18n/locales.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { rateRequest, ratingInput } from "../ratings/ratings.ts";
import { chatToken, shopperChat } from "./chat-access.ts";
import { queueTranscript, type TranscriptDeps } from "./transcript-email.ts";

export type ChatAfterDeps = ChangeDeps & TranscriptDeps;

const email = z.string().trim().max(200).pipe(z.email("validation.email_invalid")).transform((e) => e.toLowerCase());

/** Mails the chat so far to `email`, or to the address the chat already has. */
export const emailChatInput = z.object({ token: chatToken, email: z.union([z.literal(""), email]).optional(), locale: z.unknown().optional() });

export async function emailChat(deps: ChatAfterDeps, site: Site, id: string, data: z.output<typeof emailChatInput>): Promise<{ email: string }> {
  const locale = shopperLocale(site.settings, data.locale);
  const { request } = await shopperChat(deps.db, site.id, id, data.token);
  const to = data.email || emailOf(readFields(request));
  if (!to) throw invalidIn(locale, { email: t(locale, "validation.email_invalid") });
  const now = deps.clock.now();
  await deps.pipeline.commit(deps.db, (tx) => queueTranscript(tx, deps, id, to, now, false));
  return { email: to };
}

/** The shopper rates their done chat from the widget: once (a second time is a 409). */
export const rateChatInput = ratingInput.extend({ token: chatToken });

export async function rateChat(deps: ChangeDeps, site: Site, id: string, data: z.output<typeof rateChatInput>) {
  const { request } = await shopperChat(deps.db, site.id, id, data.token);
  return rateRequest(deps, request, { score: data.score, comment: data.comment }, "widget");
}

/**
 * The words of the widget's "Email me this chat" and "How did we do?" (its lazy chunk), in the shopper's
 * language: sent with the chat rather than in every widget catalog, which the panel's byte budget holds.
 */
export function afterWords(locale: Locale): Record<string, string> {
  return {
    emailMe: t(locale, "chat.email_me"),
    email: t(locale, "chat.email_label"),
    sent: t(locale, "chat.email_sent"),
    ask: t(locale, "rating.ask"),
    good: t(locale, "rating.good"),
    okay: t(locale, "rating.okay"),
    bad: t(locale, "rating.bad"),
    comment: t(locale, "rating.comment"),
    send: t(locale, "rating.send"),
    thanks: t(locale, "rating.thanks"),
    already: t(locale, "rating.already"),
  };
}
