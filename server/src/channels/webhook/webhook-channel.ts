import { and, eq, isNull } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { sites, webhookEndpoints } from "../../db/schema.ts";
import { enqueueEmail } from "../../outbox/outbox.ts";
import { payloadOf } from "../../outbox/payload.ts";
import { newMessageId } from "../email/email.ts";
import { textToHtml } from "@beckon/contract/autoreply";
import type { RetryPolicy } from "../../outbox/retry-policy.ts";
import type { Channel, OutboxItem as Item } from "../channel.ts";
import { classifyWebhookFailure, type WebhookPost } from "./http-post.ts";
import { signatureHeader } from "./signature.ts";

export const WEBHOOK_NOT_SET_UP = "Webhooks are not set up on this server.";

/** After this long of nothing but failed deliveries, an endpoint is turned off and its owner emailed. */
export const DISABLE_AFTER_MS = 3 * 24 * 3600_000;

/**
 * Webhooks back off more gently than alerts (a person waits for an SMS; a server can wait): from 30 s,
 * doubling to a 2-hour cap, with jitter, for the 3 days a delivery is kept. About 45-60 attempts in all.
 */
export const webhookRetryPolicy: RetryPolicy = { baseMs: 30_000, capMs: 2 * 3600_000, giveUpAfterMs: 3 * 24 * 3600_000, random: Math.random };

/** How this server delivers webhooks (absent: deliveries are recorded as not sent). */
export type WebhookSetup = {
  post: WebhookPost;
  publicUrl: string;
  mailFrom: { name: string; address: string };
  /** Defaults to `webhookRetryPolicy`. */
  retry?: RetryPolicy;
};

/**
 * The outbox's webhook channel: where a delivery goes (its endpoint, unless deleted or turned off),
 * how it is sent (signed POST), how a failure is sorted, and the endpoint's health after each attempt.
 */
export function createWebhookChannel(deps: { db: Db; clock: Clock; setup: WebhookSetup | undefined; concurrency?: number }): Channel {
  const { db, clock, setup } = deps;
  const endpointOf = async (item: Item) =>
    item.webhookEndpointId === null ? undefined : (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, item.webhookEndpointId)))[0];

  return {
    name: "webhook",
    // Receivers are the owner's own servers: a few at once.
    concurrency: deps.concurrency ?? 4,
    retry: setup?.retry ?? webhookRetryPolicy,

    async destination(item) {
      if (!setup) return { to: item.recipient, reason: WEBHOOK_NOT_SET_UP };
      const endpoint = await endpointOf(item);
      if (!endpoint) return { to: item.recipient, reason: "The webhook endpoint was deleted." };
      if (endpoint.disabledAt) return { to: endpoint.url, reason: "The webhook endpoint is turned off." };
      return { to: endpoint.url };
    },

    /** Signs at send time (a fresh `t` each attempt) over the exact bytes sent. */
    async send(item, to) {
      const endpoint = (await endpointOf(item))!;
      const { event } = payloadOf(item, "webhook");
      const body = JSON.stringify(event);
      const t = Math.floor(clock.now().getTime() / 1000);
      const answer = await setup!.post(to, body, { "Beckon-Signature": signatureHeader(endpoint.secret, body, t), "Beckon-Event-Id": event.id, "Beckon-Event-Type": event.type });
      return { providerId: event.id, providerStatus: `HTTP ${answer.status}` };
    },

    describe: (item) => JSON.stringify(payloadOf(item, "webhook").event),
    classify: classifyWebhookFailure,

    /** Keeps the endpoint's run of failures: cleared by a success; 3 days of it turns the endpoint off. */
    async afterAttempt(item, delivered, failure) {
      if (!setup || item.webhookEndpointId === null) return;
      const id = item.webhookEndpointId;
      const now = clock.now();
      if (delivered) {
        await db.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, id));
        return;
      }
      await db.update(webhookEndpoints).set({ failingSince: now }).where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.failingSince)));
      const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
      if (!endpoint || endpoint.disabledAt || !endpoint.failingSince || now.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_MS) return;
      await db.transaction(async (tx) => {
        const turnedOff = await tx
          .update(webhookEndpoints)
          .set({ disabledAt: now, disabledReason: "Every delivery failed for 3 days." })
          .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.disabledAt)))
          .returning({ id: webhookEndpoints.id });
        if (!turnedOff.length) return; // another process got there first
        const [site] = await tx.select({ name: sites.name, key: sites.key }).from(sites).where(eq(sites.id, endpoint.siteId));
        const text = [
          `Beckon turned off the webhook endpoint ${endpoint.url} of ${site?.name ?? "your site"}: every delivery to it failed for 3 days.`,
          "",
          `The last attempt: ${failure ?? item.lastError ?? "no answer"}`,
          "",
          `When it works again, turn it back on in the site's settings, and resend what it missed from the delivery log: ${setup.publicUrl}/admin/sites/${site?.key ?? ""}/settings`,
        ].join("\n");
        await enqueueEmail(tx, {
          siteId: endpoint.siteId,
          requestId: null,
          kind: "webhook_disabled",
          to: "owner",
          payload: { subject: `Webhook turned off: ${endpoint.url}`.slice(0, 200), text, html: textToHtml(text), messageId: newMessageId(setup.mailFrom.address), fromName: setup.mailFrom.name },
          now,
        });
      });
    },
  };
}
