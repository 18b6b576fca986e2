import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { outbox, type OutboxChannel } from "../db/schema.ts";
import type { Channel, OutboxItem as Item } from "../channels/channel.ts";
import { backoffMs, rawFailure } from "./retry-policy.ts";
import { wakeableSleep } from "../wakeable-sleep.ts";
import { writeBatcher } from "./write-batch.ts";
import { prepared } from "../db/prepared.ts";

export type OutboxWorkerDeps = {
  db: Db;
  clock: Clock;
  /** Every way out, built once by `createChannels` (channels/channels.ts); each gets its own lane. */
  channels: Channel[];
  pollMs: number;
  log: Log;
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
  /** When each registered channel's loop last went round (real time, ms): `/healthz` calls a stale loop dead. */
  lastTicks(): Partial<Record<OutboxChannel, number | undefined>>;
};

type Lane = {
  channel: Channel;
  pause: ReturnType<typeof wakeableSleep>;
  wakeRequested: boolean;
  inFlight: Set<Promise<void>>;
  loop: Promise<void> | undefined;
  tick: number | undefined;
  /** Its last claim found nothing due: a wake then waits a moment, so a run of commits costs one claim. */
  idle: boolean;
};

// Every commit wakes every lane, and most commits queue nothing for most lanes (a call-back queues an SMS,
// no email): an idle lane gathers the wakes of this long before it claims once.
const IDLE_SETTLE_MS = 20;

// A claimed item is leased; if this process dies mid-send, the lease runs out and another pass retries it.
// Longer than any send can take with the providers' own timeouts (see email.ts, twilio-client.ts).
const LEASE_MS = 2 * 60_000;

/**
 * The durable outbox's delivery loops: one lane per channel, each with its channel's bounded
 * concurrency, so a slow mail server never holds up an SMS. Each claims due rows atomically, sends
 * through its channel, and records every outcome: sent, retried with the channel's backoff, given up,
 * not sent (nowhere to go) or skipped (no longer needed). Knows nothing of any one channel.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, clock, log } = deps;
  let running = false;
  let stopping = false;
  const write = writeBatcher(db);
  const lanes: Lane[] = deps.channels.map((channel) => ({ channel, pause: wakeableSleep(), wakeRequested: false, inFlight: new Set(), loop: undefined, tick: undefined, idle: false }));

  /** Claims up to `max` due items of a channel in one statement (a burst costs one write, not one per item). */
  async function claim(channel: OutboxChannel, max = 1): Promise<Item[]> {
    const now = clock.now().getTime();
    const items = await claimDue(db).all({ channel, now, max, until: now + LEASE_MS });
    return items.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
  }

  /** Records an attempt's outcome; the outcomes finished in the same turn are written together. */
  async function finish(item: Item, changes: Partial<Item>, outcome: SendOutcome) {
    await write(
      db
        .update(outbox)
        .set({ ...changes, lockedUntil: null, updatedAt: clock.now() })
        .where(eq(outbox.id, item.id)),
    );
    deps.onOutcome?.(item.channel, outcome);
  }

  async function deliver(channel: Channel, item: Item): Promise<void> {
    const skipped = await channel.skip?.(item);
    if (skipped) {
      await finish(item, { status: "skipped", lastError: skipped }, "skipped");
      return;
    }
    const target = await channel.destination(item);
    if ("reason" in target) {
      log.info(`outbox #${item.id}: ${item.channel} not sent: ${target.reason}`);
      // The text itself only at debug level: it is personal data (see LOG_LEVEL in the README).
      log.debug?.(`[${item.channel} not sent] to ${target.to ?? "(nobody)"}\n${channel.describe(item)}\n`);
      await finish(item, { status: "not_sent", recipient: target.to, lastError: target.reason }, "not_sent");
      return;
    }
    const { to } = target;
    try {
      const receipt = await channel.send(item, to);
      const changes = { status: "sent", recipient: to, providerId: receipt.providerId ?? null, providerStatus: receipt.providerStatus ?? null, lastError: null, sentAt: clock.now() } as const;
      await finish(item, changes, "sent");
      await channel.afterAttempt?.(item, true);
    } catch (err) {
      const failure = channel.classify(err);
      const now = clock.now().getTime();
      const until = (item.retryUntil ?? new Date(item.createdAt.getTime() + channel.retry.giveUpAfterMs)).getTime();
      if (failure.transient && now < until) {
        const delay = backoffMs(channel.retry, item.attempts);
        log.warn(`outbox #${item.id}: ${item.channel} attempt ${item.attempts} failed (${rawFailure(err)}); retrying in ${Math.round(delay / 1000)} s`);
        await finish(item, { status: "pending", recipient: to, lastError: failure.sentence, nextAttemptAt: new Date(now + delay) }, "retry");
      } else {
        log.error(`outbox #${item.id}: ${item.channel} failed for good after ${item.attempts} attempt(s): ${rawFailure(err)}`);
        const sentence = failure.transient ? `${failure.sentence} Beckon gave up after ${item.attempts} attempts.` : failure.sentence;
        await finish(item, { status: "failed", recipient: to, lastError: sentence }, "failed");
      }
      await channel.afterAttempt?.(item, false, failure.sentence);
    }
  }

  /** One attempt, never throwing: a broken row must not stop the loop. */
  async function attempt(channel: Channel, item: Item): Promise<void> {
    try {
      await deliver(channel, item);
    } catch (err) {
      log.error(`outbox #${item.id}: delivery bookkeeping failed`, err);
    }
  }

  async function drainLane(lane: Lane): Promise<number> {
    let handled = 0;
    const { channel } = lane;
    for (let [item] = await claim(channel.name); item; [item] = stopping ? [] : await claim(channel.name)) {
      await attempt(channel, item);
      handled++;
    }
    return handled;
  }

  async function drain(): Promise<number> {
    const counts = await Promise.all(lanes.map(drainLane));
    return counts.reduce((a, b) => a + b, 0);
  }

  async function runLane(lane: Lane) {
    const { channel } = lane;
    const max = channel.concurrency;
    while (running) {
      lane.tick = Date.now();
      lane.wakeRequested = false;
      try {
        while (running && lane.inFlight.size < max) {
          const wanted = max - lane.inFlight.size;
          const items = await claim(channel.name, wanted);
          lane.idle = !items.length && !lane.inFlight.size;
          for (const item of items) {
            const sending: Promise<void> = attempt(channel, item).finally(() => {
              lane.inFlight.delete(sending);
              lane.wakeRequested = true; // a slot is free, even if the lane is claiming right now
              lane.pause.wake();
            });
            lane.inFlight.add(sending);
          }
          if (items.length < wanted) break; // nothing more is due now
        }
      } catch (err) {
        log.error(`outbox ${channel.name} pass failed`, err);
      }
      if (!running) break;
      if (!(lane.wakeRequested && lane.inFlight.size < max)) await lane.pause.sleep(deps.pollMs); // else work arrived while we were claiming
      // Let the wakes of the same moment (sends finished together, commits in a row) gather into one claim.
      await new Promise((resolve) => (lane.idle && running ? setTimeout(resolve, Math.min(IDLE_SETTLE_MS, deps.pollMs)) : setImmediate(resolve)));
    }
    await Promise.all(lane.inFlight);
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      for (const lane of lanes) lane.loop = runLane(lane);
    },
    async stop() {
      running = false;
      stopping = true;
      for (const lane of lanes) lane.pause.wake();
      await Promise.all(lanes.map((lane) => lane.loop));
      for (const lane of lanes) lane.loop = undefined;
    },
    wake() {
      for (const lane of lanes) {
        lane.wakeRequested = true;
        lane.pause.wake();
      }
    },
    drain,
    lastTicks: () => Object.fromEntries(lanes.map((lane) => [lane.channel.name, lane.tick])),
  };
}

/** Claims a channel's due items (placeholders: channel, now, max, until; instants in ms). Built once: it runs at every wake. */
const claimDue = prepared((db) => {
  const now = sql.placeholder("now");
  // One UPDATE … WHERE id IN (SELECT …) is atomic in SQLite, so two workers never claim the same row.
  return db
    .update(outbox)
    .set({ status: "sending", lockedUntil: sql`${sql.placeholder("until")}`, attempts: sql`${outbox.attempts} + 1`, updatedAt: sql`${now}` })
    .where(inArray(outbox.id, dueOutboxIds(db as Db, sql.placeholder("channel") as unknown as OutboxChannel, now as unknown as Date, sql.placeholder("max") as unknown as number)))
    .returning()
    .prepare();
});

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
