import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { OutboxChannel } from "../db/schema.ts";
import type { RetryPolicy } from "../outbox/retry-policy.ts";
import type { Channel } from "./channel.ts";
import { createEmailChannel } from "./email/email-channel.ts";
import type { EmailSender } from "./email/email.ts";
import { createSmsChannel } from "./sms/sms-channel.ts";
import type { SmsSender } from "./sms/sms.ts";
import { createWebhookChannel, type WebhookSetup } from "./webhook/webhook-channel.ts";
import { createPushChannel, type PushSetup } from "./push/push-channel.ts";

export type ChannelsDeps = {
  db: Db;
  clock: Clock;
  /** Backoff and give-up for SMS and email (webhooks keep their own gentler policy). */
  retry: RetryPolicy;
  /** Undefined until Twilio is configured: SMS are then printed and recorded as not sent. */
  sms: SmsSender | undefined;
  /** Undefined until SMTP is configured: likewise. */
  email: EmailSender | undefined;
  /** Undefined: webhook deliveries are recorded as not sent. */
  webhooks?: WebhookSetup | undefined;
  /** Web Push: the server's VAPID keys; undefined: push items are recorded as not sent. */
  push?: PushSetup | undefined;
  /** Overrides the channels' own sends in flight. */
  concurrency?: Partial<Record<OutboxChannel, number>>;
};

/**
 * Every way out of the outbox, built once at start-up and handed to the outbox worker. The one list
 * of channels: a new channel is one line here (see `Channel` in channel.ts).
 */
export function createChannels(deps: ChannelsDeps): Channel[] {
  const { db, clock, retry, concurrency = {} } = deps;
  return [
    createSmsChannel({ db, sender: deps.sms, retry, concurrency: concurrency.sms }),
    createEmailChannel({ db, sender: deps.email, retry, concurrency: concurrency.email }),
    createWebhookChannel({ db, clock, setup: deps.webhooks, concurrency: concurrency.webhook }),
    createPushChannel({ db, setup: deps.push, concurrency: concurrency.push }),
  ];
}
