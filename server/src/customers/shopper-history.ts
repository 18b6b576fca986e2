import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { chatMessages, customers, requestEvents, requests } from "../db/schema.ts";
import { identitySecretOf } from "./identity-secret.ts";
import { signatureValid } from "./shop-context.ts";

/** A verified shopper's id and its signature (HMAC with the site's identity secret). */
export const historyInput = z.object({ id: z.union([z.string().max(200), z.number().transform(String)]), signature: z.string().max(128) });

export type HistoryItem = { you: string; answers: string[] };

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * "Your messages" in the widget: a verified shopper's last five requests, what they wrote and what the
 * shop answered. Only for a good signature: an unverified identity sees nothing (the same empty answer).
 */
export async function shopperHistory(db: Db, site: { id: number; name: string; settings: { timezone: string } }, who: z.output<typeof historyInput>, zone?: string): Promise<{ items: HistoryItem[] }> {
  const { id, signature } = who;
  if (!signatureValid(await identitySecretOf(db, site.id), id, signature)) return { items: [] };
  const [customer] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.siteId, site.id), eq(customers.externalId, id)));
  if (!customer) return { items: [] };
  const rows = await db
    .select({ id: requests.id, kind: requests.kind, fields: requests.fields, createdAt: requests.createdAt })
    .from(requests)
    .where(and(eq(requests.customerId, customer.id), isNull(requests.spamAt)))
    .orderBy(desc(requests.createdAt))
    .limit(5);
  if (!rows.length) return { items: [] };
  const ids = rows.map((r) => r.id);
  const replies = await db
    .select({ requestId: requestEvents.requestId, data: requestEvents.data })
    .from(requestEvents)
    .where(and(inArray(requestEvents.requestId, ids), eq(requestEvents.type, "reply")))
    .orderBy(asc(requestEvents.id));
  const lines = await db
    .select({ requestId: chatMessages.requestId, author: chatMessages.author, body: chatMessages.body })
    .from(chatMessages)
    .where(inArray(chatMessages.requestId, ids))
    .orderBy(asc(chatMessages.id));
  const tz = zone && DateTime.local().setZone(zone).isValid ? zone : site.settings.timezone;
  return {
    items: rows.map((r) => {
      const f = r.fields as { note?: string | null; message?: string; topic?: string | null };
      const first = lines.find((l) => l.requestId === r.id && l.author === "shopper")?.body;
      const said = r.kind === "message" ? [f.topic, f.message].filter(Boolean).join(": ") : r.kind === "chat" ? first : f.note || "Asked for a call back";
      const when = DateTime.fromJSDate(r.createdAt).setZone(tz).toFormat("d LLL");
      const answers = [
        ...replies.filter((e) => e.requestId === r.id && e.data.text).map((e) => e.data.text!),
        ...lines.filter((l) => l.requestId === r.id && l.author === "owner").map((l) => l.body),
      ].map((t) => `${site.name}: ${clip(t, 300)}`);
      return { you: `You, ${when}: ${clip(said ?? "", 200)}`, answers };
    }),
  };
}
