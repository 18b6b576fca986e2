import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers, requests, sites } from "../db/schema.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Row = { request: typeof requests.$inferSelect; customer: typeof customers.$inferSelect; siteKey: string };

/**
 * A request as the owner API and webhooks show it (the `Request` schema in openapi.yaml): stable
 * names, ISO times, the shopper's fields as they sent them. Version 1 of the shape.
 */
export function apiRequest({ request, customer, siteKey }: Row) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: request.id,
    ref: request.ref,
    site: siteKey,
    kind: request.kind,
    status: request.status,
    spam: request.spamAt !== null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    scheduledFor: iso(request.scheduledFor),
    callOutcome: request.callOutcome ?? null,
    fields: request.fields,
    customer: apiCustomer(customer),
  };
}

export type ApiRequest = ReturnType<typeof apiRequest>;

export function apiCustomer(c: typeof customers.$inferSelect) {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    firstSeenAt: c.firstSeenAt.toISOString(),
    lastSeenAt: c.lastSeenAt.toISOString(),
    requestCount: c.requestCount,
  };
}

export const requestColumns = { request: requests, customer: customers, siteKey: sites.key };

/** One request in the API shape (inside a transaction or not), or undefined. */
export async function loadApiRequest(db: Tx | Db, requestId: string): Promise<ApiRequest | undefined> {
  const [row] = await db
    .select(requestColumns)
    .from(requests)
    .innerJoin(customers, eq(customers.id, requests.customerId))
    .innerJoin(sites, eq(sites.id, requests.siteId))
    .where(eq(requests.id, requestId));
  return row && apiRequest(row);
}
