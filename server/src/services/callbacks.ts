import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { customers, idempotencyKeys, requestEvents, requests } from "../db/schema.ts";
import { ApiError } from "../http/errors.ts";
import { enqueueOwnerSms } from "../notify/outbox.ts";
import { callbackAlertText } from "../notify/sms-text.ts";
import { isBookable, isOpen, nextOpening } from "./availability.ts";
import { parsePhone } from "./phone.ts";
import type { Site } from "./sites.ts";
import { parseOrThrow, validationFailed } from "./validation.ts";

export type CallbackDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** Called after the request and its notifications have committed. */
  onSubmitted: (event: { siteId: number; requestId: string }) => void;
};
export type CallbackMeta = { idempotencyKey: string | undefined; origin: string | undefined };
export type CallbackAnswer = {
  id: string;
  status: "new";
  expect: { kind: "soon" | "next_open" | "scheduled"; at?: string };
};

const callbackInput = z.object({
  name: z
    .string({ error: "Tell us your name." })
    .trim()
    .min(1, "Tell us your name.")
    .max(100, "Please keep your name under 100 characters."),
  phone: z.string({ error: "Enter your phone number." }).max(40, "That phone number is too long."),
  when: z
    .union([z.literal("asap"), z.iso.datetime({ offset: true })], { error: "Choose when we should call." })
    .default("asap"),
  note: z.string({ error: "Write your note as text." }).trim().max(1000, "Please keep it under 1,000 characters.").optional(),
  consent: z.boolean({ error: "Consent must be true or false." }).optional(),
  company: z.string().optional(),
});

const idempotencyKeyPattern = /^[A-Za-z0-9_\-:.]{8,128}$/;

/** A shopper's call-back request: validated, stored with its owner alert in one transaction, then announced. */
export async function submitCallback(deps: CallbackDeps, site: Site, input: unknown, meta: CallbackMeta) {
  const { db, clock } = deps;
  const key = meta.idempotencyKey;
  if (key !== undefined && !idempotencyKeyPattern.test(key)) {
    throw new ApiError(400, "invalid_idempotency_key", "Idempotency-Key must be 8–128 letters, digits, '-', '_', ':' or '.'.");
  }
  if (key) {
    const stored = await findIdempotentAnswer(db, site.id, key);
    if (stored) return stored;
  }

  // Honeypot: a person never sees `company`; a bot that fills it gets a convincing answer and nothing else.
  if (typeof input === "object" && input && "company" in input && String((input as { company: unknown }).company).trim()) {
    return { status: 201 as const, body: { id: randomUUID(), status: "new", expect: { kind: "soon" } } satisfies CallbackAnswer };
  }

  const data = parseOrThrow(callbackInput, input);
  const s = site.settings;
  const now = clock.now();
  const fields: Record<string, string> = {};
  const phone = parsePhone(data.phone, s.phoneCountry);
  if (!phone.ok) fields.phone = phone.message;
  const when = data.when === "asap" ? ("asap" as const) : new Date(data.when);
  if (when !== "asap" && !isBookable(s, when, now)) fields.when = "That time is no longer available. Please pick another.";
  if (s.consentRequired && data.consent !== true) fields.consent = "Please tick the box so we may call you.";
  if (!phone.ok || Object.keys(fields).length) throw validationFailed(fields);

  const id = randomUUID();
  const expect = expectation(site, when, now);
  const answer = { id, status: "new", expect } satisfies CallbackAnswer;
  try {
    await db.transaction(async (tx) => {
      const [customer] = await tx
        .insert(customers)
        .values({ siteId: site.id, name: data.name, phone: phone.e164, firstSeenAt: now, lastSeenAt: now, requestCount: 1 })
        .onConflictDoUpdate({
          target: [customers.siteId, customers.phone],
          set: { name: data.name, lastSeenAt: now, requestCount: sql`${customers.requestCount} + 1` },
        })
        .returning();
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(cast(${requests.ref} as integer)), 0) + 1` })
        .from(requests)
        .where(eq(requests.siteId, site.id))) as [{ next: number }];
      const ref = String(next);
      await tx.insert(requests).values({
        id,
        siteId: site.id,
        customerId: customer!.id,
        kind: "callback",
        ref,
        fields: { name: data.name, phone: phone.e164, when: when === "asap" ? "asap" : when.toISOString(), note: data.note ?? null, consent: data.consent ?? null },
        scheduledFor: when === "asap" ? null : when,
        origin: meta.origin ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(requestEvents).values({ requestId: id, type: "created", data: {}, createdAt: now });
      const text = callbackAlertText({
        ref,
        name: data.name,
        phone: phone.e164,
        when,
        note: data.note,
        earlierRequests: customer!.requestCount - 1,
        timezone: s.timezone,
        link: `${deps.publicUrl}/admin/requests/${id}`,
      });
      await enqueueOwnerSms(tx, { siteId: site.id, requestId: id, text, now });
      if (key) {
        await tx.insert(idempotencyKeys).values({ siteId: site.id, key, requestId: id, responseStatus: 201, responseBody: answer });
      }
    });
  } catch (err) {
    // Two submissions with one key raced: the loser's transaction rolled back; answer as the winner did.
    const stored = key ? await findIdempotentAnswer(db, site.id, key) : undefined;
    if (stored) return stored;
    throw err;
  }
  deps.onSubmitted({ siteId: site.id, requestId: id });
  return { status: 201 as const, body: answer };
}

async function findIdempotentAnswer(db: Db, siteId: number, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.siteId, siteId), eq(idempotencyKeys.key, key)));
  return row && { status: 201 as const, body: row.responseBody as CallbackAnswer };
}

function expectation(site: Site, when: Date | "asap", now: Date): CallbackAnswer["expect"] {
  if (when !== "asap") return { kind: "scheduled", at: when.toISOString() };
  if (isOpen(site.settings, now)) return { kind: "soon" };
  const next = nextOpening(site.settings, now);
  return next ? { kind: "next_open", at: next.toISOString() } : { kind: "soon" };
}
