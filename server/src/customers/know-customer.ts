import type { Db } from "../db/client.ts";
import type { RepeatMark, ShopContext } from "../db/schema.ts";
import { contextInput, readShopContext } from "./shop-context.ts";
import { identitySecretOf } from "./identity-secret.ts";
import { resolveCustomer } from "./customer-match.ts";
import { detectRepeat, repeatLead } from "./repeat-contacts.ts";
import { standing, standingForSms } from "./standing.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The shop context of a submission body (its `context` member), checked against the site's identity secret. */
export function submissionContext(body: unknown, secret: string | undefined): ShopContext | null {
  const b = (typeof body === "object" && body ? body : {}) as { context?: unknown; timeZone?: unknown };
  const context = readShopContext(contextInput.parse(b.context), secret);
  // The widget sends the shopper's zone once, as the forms' own `timeZone`.
  return context && !context.timeZone && typeof b.timeZone === "string" ? { ...context, timeZone: b.timeZone.slice(0, 64) } : context;
}

export type KnownCustomer = Awaited<ReturnType<typeof resolveCustomer>> & {};

/**
 * Inside a submission's transaction: which customer this is, whether they are asking again, and the
 * lines the owner's alert starts and ends with.
 */
export async function knowCustomer(
  tx: Tx,
  site: { id: number; settings: { timezone: string } },
  who: { name: string | null; phone?: string | undefined; email?: string | undefined },
  context: ShopContext | null,
  now: Date,
) {
  const customer = await resolveCustomer(tx, site.id, who, context?.identity, now);
  const repeat: RepeatMark | null = customer.requestCount > 1 ? await detectRepeat(tx, customer.id, now) : null;
  const known = standing(customer, customer.requestCount);
  const displayName = customer.externalId ? customer.name : who.name;
  return {
    customer,
    repeat,
    /** First line of the owner's SMS, when they asked again. */
    lead: repeat ? repeatLead(displayName, repeat, now, site.settings.timezone) : undefined,
    /** Replaces "Returning customer": "Regular, 12 orders, since 2022" or "5th request since 2024". */
    standing: standingForSms(known) ?? undefined,
    /** Alert at once, whatever quiet rules say: asked again, or a VIP. */
    urgent: Boolean(repeat || customer.vip),
  };
}

/** "says they are Jane <jane@…>": how an unverified identify is shown. */
export function saysTheyAre(identity: ShopContext["identity"]): string | null {
  if (!identity || identity.verified) return null;
  const who = [identity.name, identity.email && `<${identity.email}>`].filter(Boolean).join(" ") || identity.id || "someone";
  return `says they are ${who}`;
}


/** Reads a submission's shop context; the identity secret is looked up only when the page identified someone. */
export async function contextOf(db: Db, siteId: number, body: unknown): Promise<ShopContext | null> {
  const first = submissionContext(body, undefined);
  if (!first?.identity?.id) return first;
  return submissionContext(body, await identitySecretOf(db, siteId));
}
