import { requestEvents, requests, type ShopContext, type SpamReason } from "../db/schema.ts";
import { scheduleRequestReminders } from "../callbacks/reminders.ts";
import type { Effects, Tx } from "../pipeline/commit.ts";
import type { SiteSettings } from "../sites/site-settings.ts";
import { nextRef } from "./intake.ts";
import type { Locale } from "../i18n/locales.ts";
import { knowCustomer } from "../customers/know-customer.ts";
import { type StoredFields } from "./request-fields.ts";
import { encoded, placeholders, prepared } from "../db/prepared.ts";

const requestColumns = ["id", "siteId", "customerId", "kind", "ref", "fields", "scheduledFor", "origin", "senderHash", "spamAt", "spamReason", "locale", "context", "repeat", "createdAt", "updatedAt"] as const;
const insertRequest = prepared((tx) => tx.insert(requests).values(placeholders(requestColumns)).prepare());
const insertCreated = prepared((tx) => tx.insert(requestEvents).values(placeholders(["requestId", "type", "data", "createdAt"])).prepare());

/** Who sent a request: known by phone or email (a returning customer is found again), or neither (an anonymous chat). */
export type NewCustomer = { name: string | null; phone?: string; email?: string };

/** A shopper's new request, as each channel hands it over after its own validation. */
export type NewRequest = {
  kind: "callback" | "message" | "chat";
  customer: NewCustomer;
  /** What the shopper sent, stored as the request's fields. */
  fields: StoredFields;
  context: {
    id: string;
    now: Date;
    origin: string | undefined;
    senderHash: string | null | undefined;
    /** Why it was screened out as spam, or null: spam is kept for the Spam view, with no reminder and no announcement. */
    spam: SpamReason | null;
    /** A booked call's time. */
    scheduledFor?: Date | null;
    /** The shopper's language, for everything sent to them (see i18n/locales.ts). */
    locale?: Locale;
    /** Issue #12: page, locale, zone, the shop's identify and context calls (`contextOf` the body). */
    shop?: ShopContext | null;
  };
};

/**
 * The intake every channel shares, inside the channel's transaction: finds or creates the customer,
 * numbers the request, stores it with its "created" line, and (unless it is spam) schedules its
 * reminders and announces it. Each channel adds only its own rows and notifications around it.
 */
export async function createRequest(tx: Tx, fx: Effects, site: { id: number; settings: SiteSettings }, input: NewRequest) {
  const { id, now, spam } = input.context;
  const who = input.customer;
  const shop = input.context.shop ?? null;
  // Issue #12: one customer record (verified id first; typed details never join a verified record), and whether they asked again.
  const known = await knowCustomer(tx, site, { name: who.name ?? (who.phone ? null : (who.email?.split("@")[0] ?? null)), phone: who.phone, email: who.email }, shop, now);
  const { customer } = known;
  const ref = await nextRef(tx, site.id);
  const scheduledFor = input.context.scheduledFor ?? null;
  const row: Record<(typeof requestColumns)[number], unknown> = {
    id,
    siteId: site.id,
    customerId: customer.id,
    kind: input.kind,
    ref,
    fields: input.fields,
    scheduledFor,
    origin: input.context.origin ?? null,
    senderHash: input.context.senderHash ?? null,
    spamAt: spam ? now : null,
    spamReason: spam,
    locale: input.context.locale ?? null,
    context: shop,
    repeat: spam ? null : known.repeat,
    createdAt: now,
    updatedAt: now,
  } satisfies typeof requests.$inferInsert;
  await insertRequest(tx).run(encoded(requests, row));
  await insertCreated(tx).run(encoded(requestEvents, { requestId: id, type: "created", data: {}, createdAt: now }));
  if (!spam) {
    await scheduleRequestReminders(tx, site, { id, scheduledFor }, now);
    await fx.request("request.created", site.id, id);
  }
  return { ref, customer, known };
}
