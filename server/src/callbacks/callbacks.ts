import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { enqueueOwnerSms } from "../outbox/outbox.ts";
import { callbackAlertText, confirmationText } from "../channels/sms/sms-text.ts";
import { signLink } from "./shopper-links.ts";
import { queueShopperSms } from "../customers/shopper-sms.ts";
import { isBookable, isOpen, nextOpening } from "../sites/availability.ts";
import { storeSubmission, type Submission, type SubmissionAnswer } from "../intake/intake.ts";
import { createRequest } from "../intake/create-request.ts";
import { isSupportedCountry } from "libphonenumber-js/max";
import { parsePhone } from "../customers/phone.ts";
import type { Site } from "../sites/sites.ts";
import { typedText } from "../http/validation.ts";
import { invalidIn, phoneMessage } from "../i18n/field-errors.ts";
import { t } from "../i18n/catalog.ts";
import { knownTimeZone } from "../sites/time-zone.ts";
import type { SenderCheck } from "../spam/screen.ts";

export type CallbackDeps = ChangeDeps & {
  publicUrl: string;
  /** Signs the cancel link in a shopper's confirmation text. */
  linkSecret: string;
};
export type CallbackMeta = { idempotencyKey: string | undefined; origin: string | undefined; sender?: SenderCheck };

/** A call-back form as the widget sends it (checked by the route, in the shopper's language). */
export const callbackInput = z.object({
  name: typedText({ error: "validation.name_required" })
    .trim()
    .min(1, "validation.name_required")
    .max(100, "validation.name_too_long"),
  phone: z.string({ error: "validation.phone_required" }).max(40, "validation.phone_too_long"),
  when: z
    .union([z.literal("asap"), z.iso.datetime({ offset: true })], { error: "validation.when_required" })
    .default("asap"),
  note: typedText({ error: "validation.text_required" }).trim().max(1000, "validation.too_long").optional(),
  consent: z.boolean({ error: "validation.consent_boolean" }).optional(),
  /** The shopper's language (one of i18n/locales.ts); any other falls back to the site's default. */
  locale: z.unknown().optional(),
  /** The country the number was typed for (chosen beside it in the widget); else the site's phone country. */
  phoneCountry: z.string().max(2).optional(),
  /** The shopper's own time zone, so their link page shows times in it. Unknown zones are dropped. */
  timeZone: z.string().max(64).optional(),
  company: z.string().optional(),
});
export type CallbackInput = z.output<typeof callbackInput>;

/** A shopper's call-back request: checked against the site, stored with its owner alert in one transaction, then announced. */
export async function submitCallback(deps: CallbackDeps, site: Site, submission: Submission<CallbackInput>, meta: CallbackMeta) {
  const { clock } = deps;
  const key = meta.idempotencyKey;
  const { data, locale, shop } = submission;
  const s = site.settings;
  const now = clock.now();
  const fields: Record<string, string> = {};
  const phone = parsePhone(data.phone, data.phoneCountry && isSupportedCountry(data.phoneCountry) ? data.phoneCountry : s.phoneCountry);
  if (!phone.ok) fields.phone = phoneMessage(locale, data.phone, phone.message);
  const when = data.when === "asap" ? ("asap" as const) : new Date(data.when);
  if (when !== "asap" && !isBookable(s, when, now)) fields.when = t(locale, "validation.when_taken");
  if (s.consent.callback.required && data.consent !== true) fields.consent = t(locale, "validation.consent_callback");
  if (!phone.ok || Object.keys(fields).length) throw invalidIn(locale, fields);
  const spam = (await meta.sender?.screen({ phone: phone.e164 })) ?? null;

  const shopperZone = knownTimeZone(data.timeZone);
  const id = randomUUID();
  const expect = expectation(site, when, now);
  const answer: SubmissionAnswer = { id, status: "new", expect };
  return storeSubmission(deps, site.id, { key, answer, spam }, async (tx, fx) => {
    const { ref, customer, known } = await createRequest(tx, fx, site, {
      kind: "callback",
      customer: { name: data.name, phone: phone.e164 },
      fields: { name: data.name, phone: phone.e164, when: when === "asap" ? "asap" : when.toISOString(), note: data.note ?? null, consent: data.consent ?? null, ...(shopperZone && { timeZone: shopperZone }) },
      context: { id, now, origin: meta.origin, senderHash: meta.sender?.senderHash, spam, scheduledFor: when === "asap" ? null : when, locale, shop },
    });
    if (spam) return; // stored for the Spam view; nobody is alerted or texted
    const text = callbackAlertText({
      ref,
      name: data.name,
      phone: phone.e164,
      when,
      note: data.note,
      earlierRequests: customer.requestCount - 1,
      timezone: s.timezone,
      link: `${deps.publicUrl}/admin/requests/${id}`,
      lead: known.lead,
      standing: known.standing,
    });
    await enqueueOwnerSms(tx, { siteId: site.id, requestId: id, text, now, routing: fx.alerts });
    await queueShopperSms(tx, {
      siteId: site.id,
      settings: s,
      requestId: id,
      phone: phone.e164,
      consent: data.consent === true,
      kind: "confirmation",
      // Written only when it will be sent: most call-backs ask for no text.
      text: () => confirmationText({ locale, siteName: site.name, name: data.name, when, timezone: s.timezone, shopperZone, link: `${deps.publicUrl}/c/${signLink(deps.linkSecret, id)}` }),
      now,
    });
  });
}

function expectation(site: Site, when: Date | "asap", now: Date): SubmissionAnswer["expect"] {
  if (when !== "asap") return { kind: "scheduled", at: when.toISOString() };
  if (isOpen(site.settings, now)) return { kind: "soon" };
  const next = nextOpening(site.settings, now);
  return next ? { kind: "next_open", at: next.toISOString() } : { kind: "soon" };
}
