import { and, count, desc, eq, max, min } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { ChangeDeps, Effects } from "../pipeline/commit.ts";
import { customers, requests, siteMembers } from "../db/schema.ts";
import { Conflict, Invalid, NotFound } from "../domain-errors.ts";
import { suggestedMatches } from "./customer-match.ts";
import { memberRequest } from "../inbox/inbox.ts";
import { emailOf, phoneOf, readFields } from "../intake/request-fields.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A customer on one of the user's sites, or 404. */
async function memberCustomer(db: Db | Tx, userId: number, customerId: number) {
  const [row] = await db
    .select({ customer: customers })
    .from(customers)
    .innerJoin(siteMembers, and(eq(siteMembers.siteId, customers.siteId), eq(siteMembers.userId, userId)))
    .where(eq(customers.id, customerId));
  if (!row) throw new NotFound("not_found", "There is no such customer in your sites.");
  return row.customer;
}

/** Tells open inboxes that a customer's (latest hundred) requests changed: their badges and counts did. */
async function announce(tx: Tx, fx: Effects, customerId: number) {
  const rows = await tx.select({ id: requests.id, siteId: requests.siteId }).from(requests).where(eq(requests.customerId, customerId)).orderBy(desc(requests.createdAt)).limit(100);
  for (const r of rows) await fx.request("request.updated", r.siteId, r.id);
}

/** Recounts a customer's requests and first/last seen from the requests themselves. */
async function recount(tx: Tx, customerId: number) {
  const [stats] = await tx
    .select({ n: count(), first: min(requests.createdAt), last: max(requests.createdAt) })
    .from(requests)
    .where(eq(requests.customerId, customerId));
  if (!stats?.n) return;
  await tx.update(customers).set({ requestCount: stats.n, firstSeenAt: stats.first!, lastSeenAt: stats.last! }).where(eq(customers.id, customerId));
}

/** Which customer to merge into this one. */
export const mergeInput = z.object({ from: z.number().int().positive() });
/** VIP on or off. */
export const vipInput = z.object({ vip: z.boolean() });

/** The owner confirms two records are one person: `from`'s requests move to `into`, gaps are filled, `from` goes. */
export async function mergeCustomers(deps: ChangeDeps, userId: number, intoId: number, input: z.output<typeof mergeInput>) {
  const { db } = deps;
  const { from: fromId } = input;
  if (fromId === intoId) throw new Invalid("same_customer", "Choose another customer to merge.");
  const into = await memberCustomer(db, userId, intoId);
  const from = await memberCustomer(db, userId, fromId);
  if (from.siteId !== into.siteId) throw new Invalid("other_site", "Customers of different sites cannot be merged.");
  if (from.externalId && into.externalId && from.externalId !== into.externalId) {
    throw new Conflict("two_verified_ids", "Both customers were verified by your shop with different ids; they are different people.");
  }
  await deps.pipeline.commit(db, async (tx, fx) => {
    await tx.update(requests).set({ customerId: into.id }).where(eq(requests.customerId, from.id));
    // Free the unique keys before `into` takes them.
    await tx.delete(customers).where(eq(customers.id, from.id));
    await tx
      .update(customers)
      .set({
        name: into.name ?? from.name,
        phone: into.phone ?? from.phone,
        email: into.email ?? from.email,
        externalId: into.externalId ?? from.externalId,
        profile: into.profile ?? from.profile,
        emailVerifiedAt: into.emailVerifiedAt ?? from.emailVerifiedAt,
        phoneVerifiedAt: into.phoneVerifiedAt ?? from.phoneVerifiedAt,
        vip: into.vip || from.vip,
      })
      .where(eq(customers.id, into.id));
    await recount(tx, into.id);
    await announce(tx, fx, into.id);
  });
  return { id: into.id };
}

/** The owner says one request is not this customer's: it moves to a new record of its own. */
export async function splitRequest(deps: ChangeDeps, userId: number, requestId: string) {
  const { db, clock } = deps;
  const { request } = await memberRequest(db, userId, requestId);
  const [others] = await db.select({ n: count() }).from(requests).where(eq(requests.customerId, request.customerId));
  if ((others?.n ?? 0) < 2) throw new Invalid("only_request", "This is the customer's only request: there is nothing to split off.");
  const { name } = readFields(request);
  const now = clock.now();
  return deps.pipeline.commit(db, async (tx, fx) => {
    const [fresh] = await tx
      .insert(customers)
      .values({ siteId: request.siteId, name: name ?? null, firstSeenAt: request.createdAt, lastSeenAt: request.createdAt, requestCount: 1 })
      .returning();
    await tx.update(requests).set({ customerId: fresh!.id, repeat: null, updatedAt: now }).where(eq(requests.id, request.id));
    await recount(tx, request.customerId);
    await fx.request("request.updated", request.siteId, request.id);
    await announce(tx, fx, request.customerId);
    return { customerId: fresh!.id };
  });
}

/** Marks or unmarks a customer as VIP. */
export async function setVip(deps: ChangeDeps, userId: number, customerId: number, input: z.output<typeof vipInput>) {
  const { vip } = input;
  await memberCustomer(deps.db, userId, customerId);
  await deps.pipeline.commit(deps.db, async (tx, fx) => {
    await tx.update(customers).set({ vip }).where(eq(customers.id, customerId));
    await announce(tx, fx, customerId);
  });
  return { vip };
}

/** Records that may be the same person as this request's customer (same typed phone or email), for the owner to confirm. */
export async function requestSuggestions(db: Db, userId: number, requestId: string) {
  const { request } = await memberRequest(db, userId, requestId);
  const fields = readFields(request);
  const identity = request.context?.identity;
  return suggestedMatches(db, request.siteId, request.customerId, { phone: phoneOf(fields), email: emailOf(fields) ?? (identity && !identity.verified ? identity.email : undefined) });
}

