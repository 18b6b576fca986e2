import { and, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { blocklist, chatMessages, chats, customers, events, idempotencyKeys, outbox, pushAlerts, reminders, requestEvents, requestRatings, requests } from "../db/schema.ts";
import { chatTopic } from "../chat/chat-access.ts";
import { detachFiles } from "../files/attachments.ts";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Rows removed, by table name. What the audit log keeps: numbers, never the data. */
export type Counts = Record<string, number>;

// SQLite caps bound parameters per statement; stay well below it.
const CHUNK = 200;

/** Adds `more` into `into`, table by table. */
export function addCounts(into: Counts, more: Counts): Counts {
  for (const [table, n] of Object.entries(more)) into[table] = (into[table] ?? 0) + n;
  return into;
}

async function count(run: Promise<{ rowsAffected: number }>): Promise<number> {
  return (await run).rowsAffected;
}

/**
 * Deletes requests of one site and every row tied to them (chat lines, timeline, outbox items and
 * their bodies, reminders, idempotency keys, live events), inside the caller's transaction. Children
 * go first so foreign keys hold at every step. Blocks made from them stay, without the request's id.
 */
export async function deleteRequests(tx: Tx, siteId: number, requestIds: string[]): Promise<Counts> {
  const counts: Counts = {};
  for (let i = 0; i < requestIds.length; i += CHUNK) {
    const ids = requestIds.slice(i, i + CHUNK);
    const topics = ids.map(chatTopic);
    await tx.update(blocklist).set({ requestId: null }).where(and(eq(blocklist.siteId, siteId), inArray(blocklist.requestId, ids)));
    addCounts(counts, {
      // Chat topics carry the lines themselves; inbox events only the request id.
      events:
        (await count(tx.delete(events).where(and(eq(events.siteId, siteId), inArray(events.topic, topics))))) +
        (await count(
          tx.delete(events).where(and(eq(events.siteId, siteId), eq(events.topic, "inbox"), inArray(sql`json_extract(${events.data}, '$.requestId')`, ids))),
        )),
      outbox: await count(tx.delete(outbox).where(inArray(outbox.requestId, ids))),
      push_alerts: await count(tx.delete(pushAlerts).where(inArray(pushAlerts.requestId, ids))),
      reminders: await count(tx.delete(reminders).where(inArray(reminders.requestId, ids))),
      idempotency_keys: await count(tx.delete(idempotencyKeys).where(inArray(idempotencyKeys.requestId, ids))),
      // Rows only: their bytes are removed by the file reaper after this transaction commits.
      attachments: await detachFiles(tx, ids),
      chat_messages: await count(tx.delete(chatMessages).where(inArray(chatMessages.requestId, ids))),
      chats: await count(tx.delete(chats).where(inArray(chats.requestId, ids))),
      request_ratings: await count(tx.delete(requestRatings).where(inArray(requestRatings.requestId, ids))),
      request_events: await count(tx.delete(requestEvents).where(inArray(requestEvents.requestId, ids))),
      requests: await count(tx.delete(requests).where(and(eq(requests.siteId, siteId), inArray(requests.id, ids)))),
    });
  }
  return counts;
}

/**
 * Outbox rows about a person that are not tied to one of their requests: anything sent to their
 * phone or email, and the owner's daily digest lines that name them (`#12 Ann`).
 */
export async function deleteMentions(tx: Tx, siteId: number, person: { phone: string | null; email: string | null; name: string | null; refs: string[] }): Promise<number> {
  let n = 0;
  const addresses = [person.phone, person.email].filter((a): a is string => Boolean(a));
  if (addresses.length) n += await count(tx.delete(outbox).where(and(eq(outbox.siteId, siteId), eq(outbox.audience, "shopper"), inArray(outbox.recipient, addresses))));
  if (person.name) {
    for (const ref of person.refs) {
      const mention = `%#${ref} ${person.name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      n += await count(tx.delete(outbox).where(and(eq(outbox.siteId, siteId), isNull(outbox.requestId), like(sql`json_extract(${outbox.payload}, '$.text')`, sql`${mention} escape '\\'`))));
    }
  }
  return n;
}

/**
 * Customers left without any request: what deleting requests leaves behind, and the empty record a
 * chat leaves when its shopper gives an email that moves it onto a known customer.
 */
export async function deleteOrphanCustomers(tx: Tx, siteId: number): Promise<number> {
  const orphan = sql`not exists (select 1 from ${requests} where ${requests.customerId} = ${customers.id})`;
  return (await tx.delete(customers).where(and(eq(customers.siteId, siteId), orphan))).rowsAffected;
}
