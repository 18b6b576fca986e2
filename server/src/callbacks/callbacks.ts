import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { enqueueOwnerSms } from "../outbox/outbox.ts";
import { callbackAlertText, confirmationText } from "../channels/sms/sms-text.ts";
import { signLink } from "./shopper-links.ts";
import { queueShopperSms } from "../customers/shopper-sms.ts";
import { isBookable, isOpen, nextOpening } from "../sites/availability.ts";
import { commitOnce, honeypotAnswer, priorAnswer, rememberAnswer, type SubmissionAnswer, type Submitted } from "../intake/intake.ts";
import { createRequest } from "../intake/create-request.ts";
import { parsePhone } from "../customers/phone.ts";
import type { Site } from "../sites/sites.ts";
import { parseOrThrow, validationFailed, typedText } from "../http/validation.ts";
import { knownTimeZone } from "../sites/time-zone.ts";
import type { SenderCheck } from "../spam/screen.ts";

export type CallbackDeps = ChangeDeps & {
  publicUrl: string;
  /** Signs the cancel link in a shopper's confirmation text. */
  linkSecret: string;
};
export type CallbackMeta = { idempotencyKey: string | undefined; origin: string | undefined; sender?: SenderCheck };

const callbackInput = z.object({
  name: typedText({ error: "Tell us your name." })
    .trim()
    .min(1, "Tell us your name.")
    .max(100, "Please keep your name under 100 characters."),
  phone: z.string({ error: "Enter your phone number." }).max(40, "That phone number is too long."),
  when: z
    .union([z.literal("asap"), z.iso.datetime({ offset: true })], { error: "Choose when we should call." })
    .default("asap"),
  note: typedText({ error: "Write your note as text." }).trim().max(1000, "Please keep it under 1,000 characters.").optional(),
  consent: z.boolean({ error: "Consent must be true or false." }).optional(),
  /** The shopper's own time zone, so their link page shows times in it. Unknown zones are dropped. */
  timeZone: z.string().max(64).optional(),
  company: z.string().optional(),
});

/** A shopper's call-back request: validated, stored with its owner alert in one transaction, then announced. */
export async function submitCallback(deps: CallbackDeps, site: Site, input: unknown, meta: CallbackMeta) {
  const { db, clock } = deps;
  const key = meta.idempotencyKey;
  const prior = (await priorAnswer(db, site.id, key)) ?? honeypotAnswer(input);
  if (prior) return prior;

  const data = parseOrThrow(callbackInput, input);
  const s = site.settings;
  const now = clock.now();
  const fields: Record<string, string> = {};
  const phone = parsePhone(data.phone, s.phoneCountry);
  if (!phone.ok) fields.phone = phone.message;
  const when = data.when === "asap" ? ("asap" as const) : new Date(data.when);
  if (when !== "asap" && !isBookable(s, when, now)) fields.when = "That time is no longer available. Please pick another.";
  if (s.consent.callback.required && data.consent !== true) fields.consent = "Please tick the box so we may call you.";
  if (!phone.ok || Object.keys(fields).length) throw validationFailed(fields);
  const spam = (await meta.sender?.screen({ phone: phone.e164 })) ?? null;

  const shopperZone = knownTimeZone(data.timeZone);
  const id = randomUUID();
  const expect = expectation(site, when, now);
  const answer: SubmissionAnswer = { id, status: "new", expect };
  const raced = await commitOnce(db, site.id, key, () =>
    deps.pipeline.commit(db, async (tx, fx) => {
      const { ref, customer } = await createRequest(tx, fx, site, {
        kind: "callback",
        customer: { name: data.name, phone: phone.e164 },
        fields: { name: data.name, phone: phone.e164, when: when === "asap" ? "asap" : when.toISOString(), note: data.note ?? null, consent: data.consent ?? null, ...(shopperZone && { timeZone: shopperZone }) },
        context: { id, now, origin: meta.origin, senderHash: meta.sender?.senderHash, spam, scheduledFor: when === "asap" ? null : when },
      });
      await rememberAnswer(tx, site.id, key, answer);
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
      });
      await enqueueOwnerSms(tx, { siteId: site.id, requestId: id, text, now });
      await queueShopperSms(tx, {
        siteId: site.id,
        settings: s,
        requestId: id,
        phone: phone.e164,
        consent: data.consent === true,
        kind: "confirmation",
        text: confirmationText({ siteName: site.name, name: data.name, when, timezone: s.timezone, link: `${deps.publicUrl}/c/${signLink(deps.linkSecret, id)}` }),
        now,
      });
    }),
  );
  if (raced) return raced;
  if (spam) return { status: 201 as const, body: answer, rejected: true } satisfies Submitted;
  return { status: 201 as const, body: answer } satisfies Submitted;
}

function expectation(site: Site, when: Date | "asap", now: Date): SubmissionAnswer["expect"] {
  if (when !== "asap") return { kind: "scheduled", at: when.toISOString() };
  if (isOpen(site.settings, now)) return { kind: "soon" };
  const next = nextOpening(site.settings, now);
  return next ? { kind: "next_open", at: next.toISOString() } : { kind: "soon" };
}
