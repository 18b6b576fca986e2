import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { chats, outbox, siteMembers, sites, users, type OutboxChannel } from "../db/schema.ts";
import { readSettings } from "../sites/site-settings.ts";
import { backoffMs, classifyFailure, rawFailure, type RetryPolicy } from "./retry-policy.ts";
import type { EmailSender } from "../channels/email/email.ts";
import type { SmsSender } from "../channels/sms/sms.ts";
import { wakeableSleep } from "../wakeable-sleep.ts";
import type { WebhookChannel } from "../channels/webhook/webhook-channel.ts";
import { emailPayload, readPayload } from "./payload.ts";
import type { Channel } from "../channels/push/push-channel.ts";
import { pushAcknowledged } from "../channels/push/alert-routing.ts";

export type OutboxWorkerDeps = {
  db: Db;
  clock: Clock;
  /** Undefined until Twilio is configured: messages are then printed and recorded as not sent. */
  sms: SmsSender | undefined;
  /** Undefined until SMTP is configured: likewise printed and recorded as not sent. */
  email: EmailSender | undefined;
  /** Outgoing webhooks; undefined: webhook deliveries are recorded as not sent. */
  webhooks?: WebhookChannel | undefined;
  /** Web Push to owners' devices; undefined: push items are recorded as not sent. */
  push?: Channel | undefined;
  retry: RetryPolicy;
  pollMs: number;
  log: Log;
  /** How many sends each channel may have in flight at once (defaults: 16 SMS, 2 emails). */
  concurrency?: Partial<Record<OutboxChannel, number>>;
  /** Told about every finished attempt (metrics). */
  onOutcome?: (channel: OutboxChannel, outcome: SendOutcome) => void;
};

export type Log = Pick<Console, "info" | "warn" | "error"> & Partial<Pick<Console, "debug">>;
export type SendOutcome = "sent" | "retry" | "failed" | "not_sent" | "skipped";

export type OutboxWorker = {
  start(): void;
  /** Finishes the items in hand, then stops. */
  stop(): Promise<void>;
  /** Looks for work now instead of at the next poll (called after a request commits). */
  wake(): void;
  /** Processes everything due now, then returns how many items it handled. */
  drain(): Promise<number>;
  /** When each channel's loop last went round (real time, ms): `/healthz` calls a stale loop dead. */
  lastTicks(): Record<OutboxChannel, number | undefined>;
};

type Item = typeof outbox.$inferSelect;

export const CHANNELS: OutboxChannel[] = ["sms", "email", "webhook", "push"];
// SMS providers take many requests at once (a burst of alerts must not queue behind one HTTP round trip);
// mail servers are slower and stricter about parallel connections; webhook receivers are the owner's own servers.
const DEFAULT_CONCURRENCY: Record<OutboxChannel, number> = { sms: 16, email: 2, webhook: 4, push: 4 };

// A claimed item is leased; if this process dies mid-send, the lease runs out and another pass retries it.
// Longer than any send can take with the providers' own timeouts (see email.ts, twilio-client.ts).
const LEASE_MS = 2 * 60_000;

/**
 * The durable outbox's delivery loops: one per channel, each with its own bounded concurrency, so a
 * slow mail server never holds up an SMS. Each claims due rows atomically, sends, and records every outcome.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, clock, log } = deps;
  let running = false;
  let stopping = false;
  const lanes = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      { pause: wakeableSleep(), wakeRequested: false, inFlight: new Set<Promise<void>>(), loop: undefined as Promise<void> | undefined, tick: undefined as number | undefined },
    ]),
  ) as Record<OutboxChannel, { pause: ReturnType<typeof wakeableSleep>; wakeRequested: boolean; inFlight: Set<Promise<void>>; loop: Promise<void> | undefined; tick: number | undefined }>;

  /** Claims up to `max` due items of a channel in one statement (a burst costs one write, not one per item). */
  async function claim(channel: OutboxChannel, max = 1): Promise<Item[]> {
    const now = clock.now();
    const due = dueOutboxIds(db, channel, now, max);
    // One UPDATE … WHERE id IN (SELECT …) is atomic in SQLite, so two workers never claim the same row.
    const items = await db
      .update(outbox)
      .set({
        status: "sending",
        lockedUntil: new Date(now.getTime() + LEASE_MS),
        attempts: sql`${outbox.attempts} + 1`,
        updatedAt: now,
      })
      .where(inArray(outbox.id, due))
      .returning();
    return items.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
  }

  async function finish(item: Item, changes: Partial<Item>, outcome: SendOutcome) {
    await db
      .update(outbox)
      .set({ ...changes, lockedUntil: null, updatedAt: clock.now() })
      .where(eq(outbox.id, item.id));
    deps.onOutcome?.(item.channel, outcome);
  }

  /** Where an item goes, or why it cannot go anywhere (a sentence for the owner). */
  async function destination(item: Item): Promise<{ to: string } | { to: string | null; reason: string }> {
    if (item.channel === "webhook") return deps.webhooks ? deps.webhooks.destination(item) : { to: item.recipient, reason: NOT_SET_UP.webhook };
    if (item.channel === "push") return deps.push ? deps.push.destination(item) : { to: item.recipient, reason: NOT_SET_UP.push };
    if (item.channel === "sms" && !deps.sms) return { to: item.recipient, reason: NOT_SET_UP.sms };
    if (item.channel === "email" && !deps.email) return { to: item.recipient, reason: NOT_SET_UP.email };
    if (item.audience === "shopper") return { to: item.recipient! };
    if (item.channel === "sms") {
      // Only the one setting, read in SQL: parsing the whole settings per SMS slowed bursts down.
      const [site] = await db
        .select({ ownerPhone: sites.ownerPhone, smsAlerts: sql<number | null>`json_extract(${sites.settings}, '$.smsAlerts')` })
        .from(sites)
        .where(eq(sites.id, item.siteId));
      // A member's own alert copy carries its number; the site's alert number is looked up now.
      const to = item.recipient ?? site?.ownerPhone ?? null;
      if (!to) return { to, reason: "The site has no owner phone: add one in settings to get SMS alerts." };
      if (site?.smsAlerts === 0) return { to, reason: "SMS alerts are off for this site." }; // JSON false; absent means on
      return { to };
    }
    const to = await siteEmail(item.siteId);
    if (!to) return { to, reason: "The site has no owner email address." };
    return { to };
  }

  async function send(item: Item, to: string) {
    const message = readPayload(item);
    if (message.channel === "webhook") return deps.webhooks!.send(item, to);
    if (message.channel === "push") return deps.push!.send(item, to);
    if (message.channel === "sms") return deps.sms!.send({ to, body: message.payload.text });
    const mail = message.payload;
    // Mail to a shopper answers to the owner, so a plain "Reply" reaches a person.
    const ownerEmail = item.audience === "shopper" && !mail.replyTo ? await siteEmail(item.siteId) : null;
    return deps.email!.send({ ...mail, ...(ownerEmail && { replyTo: { name: mail.fromName ?? "", address: ownerEmail } }), to });
  }

  async function seenInWidget(item: Item): Promise<boolean> {
    const line = emailPayload(item)?.chatMessageId ?? Infinity;
    const [chat] = await db.select({ seen: chats.shopperSeenId }).from(chats).where(eq(chats.requestId, item.requestId ?? ""));
    return !!chat && chat.seen >= line;
  }

  async function siteEmail(siteId: number): Promise<string | null> {
    const [site] = await db.select({ settings: sites.settings }).from(sites).where(eq(sites.id, siteId));
    return readSettings(site?.settings).notifyEmail ?? (await ownerAccountEmail(db, siteId));
  }

  /** Why an item is no longer needed, or null. */
  async function skipReason(item: Item): Promise<string | null> {
    if (item.kind === "chat_reply" && (await seenInWidget(item))) return "Not needed: the shopper read it in the chat.";
    const message = readPayload(item);
    if (message.channel === "push") return deps.push?.skip?.(item) ?? null;
    // A push alert's SMS fallback: not sent once the push was acknowledged (opened on a device, or the request opened).
    if (message.channel === "sms" && message.payload.pushId && (await pushAcknowledged(db, message.payload.pushId))) return "Not needed: the push notification was seen in time.";
    return null;
  }

  async function deliver(item: Item): Promise<void> {
    const skip = await skipReason(item);
    if (skip) {
      await finish(item, { status: "skipped", lastError: skip }, "skipped");
      return;
    }
    const target = await destination(item);
    if ("reason" in target) {
      log.info(`outbox #${item.id}: ${item.channel} not sent: ${target.reason}`);
      // The text itself only at debug level: it is personal data (see LOG_LEVEL in the README).
      log.debug?.(`[${item.channel} not sent] to ${target.to ?? "(nobody)"}\n${printable(item)}\n`);
      await finish(item, { status: "not_sent", recipient: target.to, lastError: target.reason }, "not_sent");
      return;
    }
    const { to } = target;
    try {
      const receipt = await send(item, to);
      const changes = { status: "sent", recipient: to, providerId: receipt.providerId, providerStatus: receipt.providerStatus, lastError: null, sentAt: clock.now() } as const;
      await finish(item, changes, "sent");
      if (item.channel === "webhook") await deps.webhooks!.afterAttempt(item, true);
    } catch (err) {
      const failure = item.channel === "webhook" ? deps.webhooks!.classify(err) : item.channel === "push" ? deps.push!.classify(err) : classifyFailure(err, item.channel);
      const now = clock.now().getTime();
      const until = (item.retryUntil ?? new Date(item.createdAt.getTime() + deps.retry.giveUpAfterMs)).getTime();
      if (failure.transient && now < until) {
        const delay = backoffMs(item.channel === "webhook" ? deps.webhooks!.retry : item.channel === "push" ? deps.push!.retry : deps.retry, item.attempts);
        log.warn(`outbox #${item.id}: ${item.channel} attempt ${item.attempts} failed (${rawFailure(err)}); retrying in ${Math.round(delay / 1000)} s`);
        await finish(item, { status: "pending", recipient: to, lastError: failure.sentence, nextAttemptAt: new Date(now + delay) }, "retry");
      } else {
        log.error(`outbox #${item.id}: ${item.channel} failed for good after ${item.attempts} attempt(s): ${rawFailure(err)}`);
        const sentence = failure.transient ? `${failure.sentence} Beckon gave up after ${item.attempts} attempts.` : failure.sentence;
        await finish(item, { status: "failed", recipient: to, lastError: sentence }, "failed");
      }
      if (item.channel === "webhook") await deps.webhooks!.afterAttempt(item, false, failure.sentence);
    }
  }

  /** One attempt, never throwing: a broken row must not stop the loop. */
  async function attempt(item: Item): Promise<void> {
    try {
      await deliver(item);
    } catch (err) {
      log.error(`outbox #${item.id}: delivery bookkeeping failed`, err);
    }
  }

  async function drainChannel(channel: OutboxChannel): Promise<number> {
    let handled = 0;
    for (let [item] = await claim(channel); item; [item] = stopping ? [] : await claim(channel)) {
      await attempt(item);
      handled++;
    }
    return handled;
  }

  async function drain(): Promise<number> {
    const counts = await Promise.all(CHANNELS.map(drainChannel));
    return counts.reduce((a, b) => a + b, 0);
  }

  async function runLane(channel: OutboxChannel) {
    const lane = lanes[channel];
    const max = deps.concurrency?.[channel] ?? DEFAULT_CONCURRENCY[channel];
    while (running) {
      lane.tick = Date.now();
      lane.wakeRequested = false;
      try {
        while (running && lane.inFlight.size < max) {
          const items = await claim(channel, max - lane.inFlight.size);
          for (const item of items) {
            const sending: Promise<void> = attempt(item).finally(() => {
              lane.inFlight.delete(sending);
              lane.pause.wake();
            });
            lane.inFlight.add(sending);
          }
          if (!items.length) break;
        }
      } catch (err) {
        log.error(`outbox ${channel} pass failed`, err);
      }
      if (!running) break;
      if (lane.wakeRequested && lane.inFlight.size < max) continue; // work arrived while we were claiming
      await lane.pause.sleep(deps.pollMs);
    }
    await Promise.all(lane.inFlight);
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      for (const channel of CHANNELS) lanes[channel].loop = runLane(channel);
    },
    async stop() {
      running = false;
      stopping = true;
      for (const channel of CHANNELS) lanes[channel].pause.wake();
      await Promise.all(CHANNELS.map((channel) => lanes[channel].loop));
      for (const channel of CHANNELS) lanes[channel].loop = undefined;
    },
    wake() {
      for (const channel of CHANNELS) {
        lanes[channel].wakeRequested = true;
        lanes[channel].pause.wake();
      }
    },
    drain,
    lastTicks: () => ({ sms: lanes.sms.tick, email: lanes.email.tick, webhook: lanes.webhook.tick, push: lanes.push.tick }),
  };
}

/** The ids of a channel's items due now (pending, or leased by a process that died), oldest first. */
export function dueOutboxIds(db: Db, channel: OutboxChannel, now: Date, max: number) {
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.channel, channel),
        or(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, "sending"), lte(outbox.lockedUntil, now))),
      ),
    )
    .orderBy(outbox.nextAttemptAt, outbox.id)
    .limit(max);
}

/** What the owner reads when a channel has no provider: recorded once, never retried. */
export const NOT_SET_UP: Record<OutboxChannel, string> = {
  sms: "SMS is not set up: Beckon has no Twilio account to send it with.",
  email: "Email is not set up: Beckon has no mail server (SMTP) to send it with.",
  webhook: "Webhooks are not set up on this server.",
  push: "Push notifications are not set up on this server.",
};

/** The first owner's account email: where a site's mail goes when no notification address is set. */
async function ownerAccountEmail(db: Db, siteId: number): Promise<string | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.role, "owner")))
    .orderBy(asc(siteMembers.createdAt))
    .limit(1);
  return row?.email ?? null;
}

function printable(item: Item): string {
  const message = readPayload(item);
  if (message.channel === "webhook") return JSON.stringify(message.payload.event);
  if (message.channel === "push") return `${message.payload.title}\n${message.payload.body}`;
  if (message.channel === "sms") return message.payload.text;
  const mail = message.payload;
  return `Subject: ${mail.subject}\n\n${mail.text}`;
}
