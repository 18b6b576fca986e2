import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";
import type { Db } from "../db/client.ts";
import { outbox, webhookEndpoints } from "../db/schema.ts";
import { webhookPayload } from "../outbox/payload.ts";
import { Conflict, NotFound } from "../domain-errors.ts";
import { validationFailed } from "../http/validation.ts";
import { addressProblem, urlProblem, type AddressPolicy } from "../channels/webhook/endpoint-address.ts";
import { WEBHOOK_EVENT_TYPES } from "./event-types.ts";
import { WEBHOOK_RETRY_MS } from "./fan-out.ts";

export const MAX_ENDPOINTS = 5;

const eventsInput = z
  .array(z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]], { error: `Choose from ${WEBHOOK_EVENT_TYPES.join(", ")}.` }))
  .min(1, "Choose at least one event.")
  .transform((list) => [...new Set(list)]);
export const createEndpointInput = z.object({ url: z.string().trim().max(500, "Keep the URL under 500 characters."), events: eventsInput });
export const updateEndpointInput = z.object({ url: createEndpointInput.shape.url.optional(), events: eventsInput.optional(), enabled: z.boolean().optional() });

type Endpoint = typeof webhookEndpoints.$inferSelect;

/** An endpoint as the owner sees it: never the secret. */
function endpointView(e: Endpoint) {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    enabled: e.disabledAt === null,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

async function checkUrl(policy: AddressPolicy, url: string): Promise<void> {
  const problem = urlProblem(url, policy) ?? (await addressProblem(url, policy));
  if (problem) throw validationFailed({ url: problem });
}

async function endpointOf(db: Db, siteId: number, id: number): Promise<Endpoint> {
  const [row] = Number.isSafeInteger(id) ? await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.siteId, siteId), eq(webhookEndpoints.id, id))) : [];
  if (!row) throw new NotFound("not_found", "There is no such webhook endpoint on this site.");
  return row;
}

/** A site's endpoints, oldest first. */
export async function listEndpoints(db: Db, siteId: number) {
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId)).orderBy(asc(webhookEndpoints.id));
  return rows.map(endpointView);
}

/** Adds an endpoint (at most 5 a site); the answer carries its signing secret, shown this once. */
export async function createEndpoint(deps: { db: Db; clock: Clock; policy: AddressPolicy }, siteId: number, userId: number, data: z.output<typeof createEndpointInput>) {
  await checkUrl(deps.policy, data.url);
  const [existing] = await deps.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId));
  if (existing!.n >= MAX_ENDPOINTS) throw new Conflict("too_many_endpoints", `A site can have at most ${MAX_ENDPOINTS} webhook endpoints. Delete one first.`);
  const secret = newSecret();
  const [row] = await deps.db.insert(webhookEndpoints).values({ siteId, url: data.url, events: data.events, secret, createdBy: userId, createdAt: deps.clock.now() }).returning();
  return { endpoint: endpointView(row!), secret };
}

/** Changes the URL, the events, or turns the endpoint on or off (on again: its run of failures starts afresh). */
export async function updateEndpoint(deps: { db: Db; clock: Clock; policy: AddressPolicy }, siteId: number, id: number, data: z.output<typeof updateEndpointInput>) {
  const endpoint = await endpointOf(deps.db, siteId, id);
  if (data.url !== undefined && data.url !== endpoint.url) await checkUrl(deps.policy, data.url);
  const onOff =
    data.enabled === undefined || data.enabled === (endpoint.disabledAt === null)
      ? {}
      : data.enabled
        ? { disabledAt: null, disabledReason: null, failingSince: null }
        : { disabledAt: deps.clock.now(), disabledReason: "Turned off by the owner." };
  const [row] = await deps.db
    .update(webhookEndpoints)
    .set({ ...(data.url !== undefined && { url: data.url }), ...(data.events && { events: data.events }), ...onOff })
    .where(eq(webhookEndpoints.id, endpoint.id))
    .returning();
  return endpointView(row!);
}

/** A new signing secret, shown this once; the old one stops working at once. */
export async function rotateSecret(db: Db, siteId: number, id: number) {
  const endpoint = await endpointOf(db, siteId, id);
  const secret = newSecret();
  const [row] = await db.update(webhookEndpoints).set({ secret }).where(eq(webhookEndpoints.id, endpoint.id)).returning();
  return { endpoint: endpointView(row!), secret };
}

/** Deletes an endpoint; what was still waiting to go there is dropped. Its delivery log goes with it. */
export async function deleteEndpoint(db: Db, siteId: number, id: number) {
  const endpoint = await endpointOf(db, siteId, id);
  await db.transaction(async (tx) => {
    await tx.delete(outbox).where(and(eq(outbox.channel, "webhook"), eq(outbox.webhookEndpointId, endpoint.id)));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
  });
}

const LOG_PAGE = 50;

/** The latest deliveries of a site's endpoints (or of one), newest first: the owner's delivery log. */
export async function deliveryLog(db: Db, siteId: number, endpointId?: number) {
  const ids = endpointId !== undefined ? [(await endpointOf(db, siteId, endpointId)).id] : (await listEndpoints(db, siteId)).map((e) => e.id);
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.siteId, siteId), eq(outbox.channel, "webhook"), inArray(outbox.webhookEndpointId, ids)))
    .orderBy(desc(outbox.id))
    .limit(LOG_PAGE);
  return rows.map((row) => {
    const { event } = webhookPayload(row)!;
    return {
      id: row.id,
      endpointId: row.webhookEndpointId,
      eventId: event.id,
      type: event.type,
      status: row.status,
      attempts: row.attempts,
      answer: row.providerStatus,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    };
  });
}

/** "Resend": the same event (same id and body) queued again for the same endpoint, due at once (the commit wakes the outbox). */
export async function resendDelivery(deps: ChangeDeps, siteId: number, deliveryId: number) {
  const { db, clock } = deps;
  const [row] = Number.isSafeInteger(deliveryId)
    ? await db.select().from(outbox).where(and(eq(outbox.id, deliveryId), eq(outbox.siteId, siteId), eq(outbox.channel, "webhook")))
    : [];
  if (!row || row.webhookEndpointId === null) throw new NotFound("not_found", "There is no such delivery on this site.");
  const endpoint = await endpointOf(db, siteId, row.webhookEndpointId);
  if (endpoint.disabledAt) throw new Conflict("endpoint_off", "Turn the endpoint back on before resending to it.");
  const now = clock.now();
  const [copy] = await deps.pipeline.commit(db, (tx) =>
    tx
    .insert(outbox)
    .values({
      siteId,
      requestId: row.requestId,
      channel: "webhook",
      kind: "webhook",
      audience: "owner",
      recipient: endpoint.url,
      webhookEndpointId: endpoint.id,
      payload: row.payload,
      nextAttemptAt: now,
      retryUntil: new Date(now.getTime() + WEBHOOK_RETRY_MS),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: outbox.id }),
  );
  return { id: copy!.id };
}
