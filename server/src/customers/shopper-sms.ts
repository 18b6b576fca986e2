import { and, eq, gt, inArray } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Db } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import { enqueueShopperSms } from "../outbox/outbox.ts";
import type { SiteSettings } from "../sites/site-settings.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type ShopperSmsKind = "confirmation" | "missed_call";

/**
 * Queues a text to a shopper, if and only if every guard allows it: the site turned shopper texts on,
 * the shopper ticked consent, the number is a mobile in an allowed country, this request has not had
 * one of this kind, and the site is under its daily cap. Returns why not, or null when queued.
 */
export async function queueShopperSms(
  tx: Tx,
  item: { siteId: number; settings: SiteSettings; requestId: string; phone: string; consent: boolean; kind: ShopperSmsKind; text: string | (() => string); now: Date },
): Promise<string | null> {
  const rules = item.settings.shopperSms;
  if (!rules.enabled) return "shopper texts are off";
  if (!item.consent) return "no consent";
  const countries = rules.countries.length ? rules.countries : [item.settings.phoneCountry];
  const parsed = parsePhoneNumberFromString(item.phone);
  const country = parsed?.country;
  if (!country || !countries.includes(country)) return `numbers in ${country ?? "that country"} are not texted`;
  if (!textable(parsed?.getType())) return "only mobile numbers are texted";
  const kinds = ["confirmation", "missed_call"] as const;
  const [already] = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.requestId, item.requestId), eq(outbox.kind, item.kind)))
    .limit(1);
  if (already) return "already sent for this request";
  const today = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.siteId, item.siteId), inArray(outbox.kind, [...kinds]), gt(outbox.createdAt, new Date(item.now.getTime() - 24 * 3600_000))))
    .limit(rules.dailyCap);
  if (today.length >= rules.dailyCap) return "the daily cap is reached";
  await enqueueShopperSms(tx, { siteId: item.siteId, requestId: item.requestId, kind: item.kind, to: item.phone, text: typeof item.text === "string" ? item.text : item.text(), now: item.now });
  return null;
}

/**
 * Only numbers that can be a mobile get texts: premium-rate (+1 900), toll-free (+1 800), shared-cost,
 * pager, VoIP and unknown types never do. Needs the `max` metadata (the `min` set has no types).
 */
function textable(type: string | undefined): boolean {
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}
