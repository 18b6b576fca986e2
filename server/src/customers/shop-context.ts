import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { ShopContext } from "../db/schema.ts";

// What the widget sends with every request about the page and the shopper (issue #12): read leniently,
// because a host page's bad identify or context call must never cost the shopper their request.

const short = (n: number) => z.string().trim().max(n);
const identityInput = z.object({
  id: z.union([short(200), z.number().transform(String)]).optional(),
  name: short(100).optional(),
  email: short(200).optional(),
  phone: short(40).optional(),
  since: z.union([short(40), z.number().transform(String)]).optional(),
  orders: z.number().int().nonnegative().max(1_000_000).optional(),
  signature: short(128).optional(),
});

/** The `context` member of a submission body, as the widget sends it. */
export const contextInput = z
  .object({
    page: z.object({ url: short(2000).optional(), title: short(300).optional(), referrer: short(300).optional() }).optional(),
    locale: short(35).optional(),
    timeZone: short(64).optional(),
    identity: identityInput.optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .optional()
  .catch(undefined);

export type ContextInput = z.infer<typeof contextInput>;

/** Up to 20 short key/values from `Beckon('context', …)`: keys and values cut to size, nested values dropped. */
export function shortPairs(data: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!data) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Object.keys(out).length >= 20) break;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") continue;
    const k = key.trim().slice(0, 40);
    if (k) out[k] = String(value).trim().slice(0, 200);
  }
  return Object.keys(out).length ? out : undefined;
}

const TOKENISH = /^(.*token.*|.*secret.*|.*password.*|.*session.*|.*auth.*|code|key|sig|signature|access_key)$/i;
const EMAILISH = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Long opaque strings: hex, base64 or JWT-looking values of 24+ characters. */
const OPAQUE = /^[A-Za-z0-9_\-.=+/]{24,}$/;

/** Path and query of a page address, with anything that looks like a token or an email taken out. */
export function scrubUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw, "https://x.invalid");
  } catch {
    return undefined;
  }
  const kept = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (TOKENISH.test(key) || EMAILISH.test(value) || OPAQUE.test(value)) continue;
    kept.append(key, value);
  }
  const path = url.pathname.split("/").map((part) => (EMAILISH.test(decodeURIComponent(part)) || OPAQUE.test(part) ? "…" : part)).join("/");
  const query = kept.toString();
  return (path + (query ? `?${query}` : "")).slice(0, 500);
}

/** Only the host of a referrer. */
function hostOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw).host || undefined;
  } catch {
    return /^[a-z0-9.-]+(:\d+)?$/i.test(raw) ? raw : undefined;
  }
}

/** Hex HMAC-SHA256 of the customer id with the site's identity secret: what the shop's backend computes. */
export function identitySignature(secret: string, id: string): string {
  return createHmac("sha256", secret).update(id, "utf8").digest("hex");
}

/** Whether `signature` is the right one for `id`, compared in constant time. */
export function signatureValid(secret: string | undefined, id: string | undefined, signature: string | undefined): boolean {
  if (!secret || !id || !signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(identitySignature(secret, id), "hex");
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

/**
 * The context stored with a request: page (scrubbed), referrer host, locale, zone, the shop's
 * key/values, and the identity marked verified only when its signature checks out with the secret.
 */
export function readShopContext(input: ContextInput, secret: string | undefined): ShopContext | null {
  if (!input) return null;
  const page = input.page && { url: scrubUrl(input.page.url), title: input.page.title?.slice(0, 200) || undefined, referrer: hostOf(input.page.referrer) };
  const i = input.identity;
  const identity = i && (i.id || i.name || i.email || i.phone) ? {
    verified: signatureValid(secret, i.id, i.signature),
    id: i.id || undefined,
    name: i.name || undefined,
    email: i.email?.toLowerCase() || undefined,
    phone: i.phone || undefined,
    since: i.since || undefined,
    orders: i.orders,
  } : undefined;
  const context: ShopContext = {
    ...(page && (page.url || page.title || page.referrer) && { page }),
    ...(input.locale && { locale: input.locale }),
    ...(input.timeZone && { timeZone: input.timeZone }),
    ...(identity && { identity }),
    ...(shortPairs(input.data) && { data: shortPairs(input.data) }),
  };
  return Object.keys(context).length ? context : null;
}
