import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { attachments, blocklist, chatMessages, customers, outbox, requestEvents, requests, siteMembers, sites } from "../db/schema.ts";
import { Forbidden, NotFound } from "../domain-errors.ts";
import { writeAudit } from "./audit.ts";
import { addCounts, deleteMentions, deleteOrphanCustomers, deleteRequests, type Counts } from "./erase.ts";

/** A customer of a site the user owns; members may read the inbox but not export or erase people. */
async function ownedCustomer(db: Db, userId: number, customerId: number, doing: string) {
  const [row] = await db
    .select({ customer: customers, site: { id: sites.id, key: sites.key, name: sites.name }, role: siteMembers.role })
    .from(customers)
    .innerJoin(sites, eq(sites.id, customers.siteId))
    .innerJoin(siteMembers, and(eq(siteMembers.siteId, customers.siteId), eq(siteMembers.userId, userId)))
    .where(eq(customers.id, customerId));
  if (!row) throw new NotFound("not_found", "There is no such customer in your sites.");
  if (row.role !== "owner") throw new Forbidden("forbidden", `Only the site's owner can ${doing}.`);
  return row;
}

const notificationColumns = {
  requestId: outbox.requestId,
  channel: outbox.channel,
  kind: outbox.kind,
  audience: outbox.audience,
  recipient: outbox.recipient,
  payload: outbox.payload,
  status: outbox.status,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

/**
 * Everything held about one customer, as JSON they can be given: their details, every request of
 * every channel with its fields, timeline, chat lines and the notifications it caused, and anything
 * sent to their phone or email outside a request, and the site's blocks on their phone or email.
 * Writes an audit line (counts only).
 */
export async function exportCustomer(db: Db, clock: Clock, userId: number, customerId: number) {
  const { customer, site } = await ownedCustomer(db, userId, customerId, "export a customer's data");
  const rows = await db.select().from(requests).where(eq(requests.customerId, customer.id)).orderBy(asc(requests.createdAt));
  const ids = rows.map((r) => r.id);
  const timeline = ids.length
    ? await db.select().from(requestEvents).where(inArray(requestEvents.requestId, ids)).orderBy(asc(requestEvents.id))
    : [];
  const lines = ids.length ? await db.select().from(chatMessages).where(inArray(chatMessages.requestId, ids)).orderBy(asc(chatMessages.id)) : [];
  // Their files are listed (what, when, where to fetch them with an owner session), not inlined.
  const files = ids.length ? await db.select().from(attachments).where(inArray(attachments.requestId, ids)).orderBy(asc(attachments.createdAt)) : [];
  const addresses = [customer.phone, customer.email].filter((a): a is string => Boolean(a));
  const theirs = [
    ids.length ? inArray(outbox.requestId, ids) : undefined,
    addresses.length ? and(isNull(outbox.requestId), eq(outbox.audience, "shopper"), inArray(outbox.recipient, addresses)) : undefined,
  ].filter((c) => c !== undefined);
  // Without a request or an address nothing in the outbox is theirs (and an empty OR would match all).
  const sent = theirs.length ? await db.select(notificationColumns).from(outbox).where(and(eq(outbox.siteId, site.id), or(...theirs))).orderBy(asc(outbox.id)) : [];
  const named = [
    customer.phone ? and(eq(blocklist.kind, "phone"), eq(blocklist.value, customer.phone)) : undefined,
    customer.email ? and(eq(blocklist.kind, "email"), eq(blocklist.value, customer.email.toLowerCase())) : undefined,
  ].filter((c) => c !== undefined);
  const blocks = named.length
    ? await db.select({ kind: blocklist.kind, value: blocklist.value, createdAt: blocklist.createdAt }).from(blocklist).where(and(eq(blocklist.siteId, site.id), or(...named))).orderBy(asc(blocklist.id))
    : [];
  const exported = {
    exportedAt: clock.now().toISOString(),
    site: { key: site.key, name: site.name },
    customer: {
      id: customer.id,
      name: customer.name,
      phone: customer.phone,
      email: customer.email,
      firstSeenAt: customer.firstSeenAt,
      lastSeenAt: customer.lastSeenAt,
      requestCount: customer.requestCount,
    },
    requests: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      kind: r.kind,
      status: r.status,
      fields: r.fields,
      scheduledFor: r.scheduledFor,
      callOutcome: r.callOutcome,
      origin: r.origin,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      timeline: timeline.filter((e) => e.requestId === r.id).map(({ type, data, createdAt }) => ({ type, data, createdAt })),
      chat: lines.filter((l) => l.requestId === r.id).map(({ author, body, via, createdAt }) => ({ author, body, via, createdAt })),
      notifications: sent.filter((n) => n.requestId === r.id).map(({ requestId: _, ...n }) => n),
      files: files.filter((f) => f.requestId === r.id).map((f) => ({ name: f.name, type: f.type, size: f.size, author: f.author, createdAt: f.createdAt, url: `/api/admin/files/${f.id}` })),
    })),
    otherNotifications: sent.filter((n) => n.requestId === null).map(({ requestId: _, ...n }) => n),
    /** Kept when the customer is deleted, so a spammer cannot get unblocked that way. */
    blocks,
  };
  await writeAudit(db, {
    siteId: site.id,
    actorUserId: userId,
    kind: "customer.exported",
    counts: { requests: rows.length, request_events: timeline.length, chat_messages: lines.length, outbox: sent.length, blocklist: blocks.length },
    now: clock.now(),
  });
  return exported;
}

/**
 * Erases a customer and everything tied to them in one transaction: their requests of every channel
 * with all their rows, notifications addressed to them, and the customer row. Blocks on their phone or
 * email stay (deleting a spammer must not unblock them) but no longer point at a deleted request.
 * Leaves one audit line with the counts. Returns the counts.
 */
export async function deleteCustomer(db: Db, clock: Clock, userId: number, customerId: number): Promise<Counts> {
  const { customer, site } = await ownedCustomer(db, userId, customerId, "delete a customer");
  return db.transaction(async (tx) => {
    const rows = await tx.select({ id: requests.id, ref: requests.ref }).from(requests).where(eq(requests.customerId, customer.id));
    const counts = await deleteRequests(
      tx,
      site.id,
      rows.map((r) => r.id),
    );
    addCounts(counts, { outbox: await deleteMentions(tx, site.id, { ...customer, refs: rows.map((r) => r.ref) }) });
    addCounts(counts, { customers: (await tx.delete(customers).where(eq(customers.id, customer.id))).rowsAffected + (await deleteOrphanCustomers(tx, site.id)) });
    await writeAudit(tx, { siteId: site.id, actorUserId: userId, kind: "customer.deleted", counts, now: clock.now() });
    return counts;
  });
}
