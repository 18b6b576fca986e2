import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.ts";
import type { Db } from "../db/client.ts";
import { outbox, webhookEndpoints, type WebhookEvent } from "../db/schema.ts";
import { loadApiRequest } from "../owner-api/request-view.ts";
import { WEBHOOK_VERSION, type WebhookEventType } from "./event-types.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** How long a delivery is retried (see `webhookRetryPolicy`): the 3 days after which a failing endpoint is turned off. */
export const WEBHOOK_RETRY_MS = 3 * 24 * 3600_000;

/**
 * Queues one event for every enabled endpoint of the site that chose its type, inside the caller's
 * transaction: the delivery commits with the change it reports, or not at all. All endpoints get the
 * same event id, and retries resend the same body (receivers de-duplicate by `id`).
 */
export async function enqueueWebhookEvent(
  tx: Tx | Db,
  item: { siteId: number; type: WebhookEventType; requestId: string | null; data: Record<string, unknown>; now: Date },
): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.siteId, item.siteId), isNull(webhookEndpoints.disabledAt)));
  const targets = endpoints.filter((e) => e.events.includes(item.type));
  if (!targets.length) return 0;
  const event: WebhookEvent = { id: `evt_${randomBytes(12).toString("base64url")}`, type: item.type, version: WEBHOOK_VERSION, created_at: item.now.toISOString(), data: item.data };
  await tx.insert(outbox).values(
    targets.map((endpoint) => ({
      siteId: item.siteId,
      requestId: item.requestId,
      channel: "webhook" as const,
      kind: "webhook" as const,
      audience: "owner" as const,
      recipient: endpoint.url,
      webhookEndpointId: endpoint.id,
      payload: { event },
      nextAttemptAt: item.now,
      retryUntil: new Date(item.now.getTime() + WEBHOOK_RETRY_MS),
      createdAt: item.now,
      updatedAt: item.now,
    })),
  );
  return targets.length;
}

/** The topic of call outcomes in the event log (no live view listens to it; webhooks do). */
export const CALLS_TOPIC = "calls";

/**
 * The change pipeline's recorder: every domain event a commit recorded that webhooks report is queued
 * for the site's endpoints in the same transaction, once the change's rows are written (so `request`
 * is the state after the change).
 */
export async function queueWebhooks(tx: Tx, recorded: readonly { siteId: number; topic: string; type: string; data: Record<string, unknown> }[], now: Date): Promise<void> {
  for (const event of recorded) await webhookFromLoggedEvent(tx, event, now);
}

/** One event log row that webhooks report, as (type, data): inbox changes, chat lines, call outcomes. */
async function webhookFromLoggedEvent(tx: Tx | Db, event: { siteId: number; topic: string; type: string; data: Record<string, unknown> }, now: Date): Promise<void> {
  if (event.topic === "inbox" && (event.type === "request.created" || event.type === "request.updated")) {
    const requestId = String(event.data.requestId ?? "");
    if (!(await hasEndpoints(tx, event.siteId))) return;
    const request = await loadApiRequest(tx, requestId);
    // Spam is kept out of webhooks as it is kept out of alerts.
    if (!request || request.spam) return;
    await enqueueWebhookEvent(tx, { siteId: event.siteId, type: event.type, requestId, data: { request }, now });
  } else if (event.topic.startsWith("chat:") && event.type === "message") {
    if (!(await hasEndpoints(tx, event.siteId))) return;
    const requestId = event.topic.slice("chat:".length);
    await enqueueWebhookEvent(tx, { siteId: event.siteId, type: "chat.line", requestId, data: { requestId, line: event.data }, now });
  } else if (event.topic === "inbox" && event.type === "request.rated") {
    const requestId = String(event.data.requestId ?? "");
    await enqueueWebhookEvent(tx, { siteId: event.siteId, type: "request.rated", requestId, data: { requestId, rating: event.data.rating }, now });
  } else if (event.topic === CALLS_TOPIC && event.type === "call.completed") {
    const requestId = String(event.data.requestId ?? "");
    await enqueueWebhookEvent(tx, { siteId: event.siteId, type: "call.completed", requestId, data: event.data, now });
  }
}

// Most sites have no endpoint: one indexed probe keeps every change cheap for them.
async function hasEndpoints(tx: Tx | Db, siteId: number): Promise<boolean> {
  const [row] = await anyEndpoint(tx).all({ siteId });
  return !!row;
}
const anyEndpoint = prepared((tx) =>
  tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.siteId, sql.placeholder("siteId")), isNull(webhookEndpoints.disabledAt))).limit(1).prepare(),
);
