import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, memoryLog, post, type Harness } from "../../test/harness.ts";
import type { Channel, OutboxItem } from "../channels/channel.ts";
import { createChannels } from "../channels/channels.ts";
import { outbox, type OutboxChannel } from "../db/schema.ts";
import { createOutboxWorker } from "./outbox-worker.ts";
import type { RetryPolicy } from "./retry-policy.ts";

let h: Harness;
afterEach(async () => h?.close());

// A channel the outbox has never heard of: the worker must handle it through the interface alone.
// The name is outside today's union on purpose (a new channel adds itself there), hence the one cast.
const PIGEON = "pigeon" as OutboxChannel;
const policy: RetryPolicy = { baseMs: 60_000, capMs: 10 * 60_000, giveUpAfterMs: 60 * 60_000, random: () => 0 };

/** Why a pigeon did not arrive: weather passes, a lost loft does not. */
class PigeonTrouble extends Error {
  constructor(readonly weather: boolean) {
    super(weather ? "storm" : "loft gone");
  }
}

/**
 * A real, tiny channel: it "flies" a note to a loft by recording it. Lofts named in `storms` fail with
 * weather for their first N attempts; the loft "gone" always fails for good; an item for "read" is no
 * longer needed. Every attempt's outcome is kept for the assertions.
 */
function pigeonChannel(opts: { storms?: Record<string, number>; concurrency?: number; flightMs?: number } = {}) {
  const storms = { ...opts.storms };
  const delivered: { loft: string; note: string }[] = [];
  const afterAttempts: { id: number; ok: boolean; sentence?: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const channel: Channel = {
    name: PIGEON,
    concurrency: opts.concurrency ?? 1,
    retry: policy,
    async destination(item) {
      return item.recipient ? { to: item.recipient } : { to: null, reason: "No loft to fly to." };
    },
    async send(item, loft) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (opts.flightMs) await new Promise((r) => setTimeout(r, opts.flightMs));
        if (loft === "gone") throw new PigeonTrouble(false);
        if ((storms[loft] ?? 0) > 0) {
          storms[loft]!--;
          throw new PigeonTrouble(true);
        }
        delivered.push({ loft, note: (item.payload as { text: string }).text });
        return { providerId: `ring-${item.id}`, providerStatus: "landed" };
      } finally {
        inFlight--;
      }
    },
    describe: (item: OutboxItem) => (item.payload as { text: string }).text,
    classify: (err) =>
      err instanceof PigeonTrouble && err.weather ? { transient: true, sentence: "A storm kept the pigeon home." } : { transient: false, sentence: "The loft is gone." },
    async afterAttempt(item, ok, sentence) {
      afterAttempts.push({ id: item.id, ok, ...(sentence && { sentence }) });
    },
    async skip(item) {
      return item.recipient === "read" ? "Not needed: already read." : null;
    },
  };
  return { channel, delivered, afterAttempts, maxInFlight: () => maxInFlight };
}

async function queue(loft: string | null, note = `to ${loft}`) {
  const now = h.clock.now();
  const [row] = await h.db
    .insert(outbox)
    .values({ siteId: h.site.id, requestId: null, channel: PIGEON, kind: "alert", audience: "owner", recipient: loft, payload: { text: note }, nextAttemptAt: now, createdAt: now, updatedAt: now })
    .returning();
  return row!.id;
}

const row = async (id: number) => (await h.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

function workerWith(channel: Channel) {
  // The real channels too: a new one is one more entry in the list, beside them.
  const channels = [...createChannels({ db: h.db, clock: h.clock, sms: undefined, email: undefined, retry: policy }), channel];
  return createOutboxWorker({ db: h.db, clock: h.clock, channels, pollMs: 20, log: memoryLog() });
}

describe("the outbox's generic loop, with a channel it does not know", () => {
  it("claims, retries a transient failure with the channel's backoff, then sends", async () => {
    h = await createHarness();
    const pigeon = pigeonChannel({ storms: { north: 2 } });
    const worker = workerWith(pigeon.channel);
    const id = await queue("north", "Call Jane back");
    const start = h.clock.now().getTime();

    expect(await worker.drain()).toBe(1);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, recipient: "north", lastError: "A storm kept the pigeon home." });
    // First backoff: half of baseMs (jitter pinned at 0); nothing is due before it.
    expect((await row(id)).nextAttemptAt.getTime()).toBe(start + 30_000);
    h.clock.advance(29_000);
    expect(await worker.drain()).toBe(0);

    h.clock.advance(1_000);
    expect(await worker.drain()).toBe(1);
    // Second backoff doubles.
    expect((await row(id)).nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 60_000);

    h.clock.advance(60_000);
    expect(await worker.drain()).toBe(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, providerId: `ring-${id}`, providerStatus: "landed", lastError: null });
    expect(pigeon.delivered).toEqual([{ loft: "north", note: "Call Jane back" }]);
    expect(pigeon.afterAttempts.map((a) => a.ok)).toEqual([false, false, true]);
  });

  it("gives up at once on a permanent failure, and after the retry window on a transient one", async () => {
    h = await createHarness();
    const pigeon = pigeonChannel({ storms: { east: 1000 } });
    const worker = workerWith(pigeon.channel);
    const gone = await queue("gone");
    const stormy = await queue("east");

    await worker.drain();
    expect(await row(gone)).toMatchObject({ status: "failed", attempts: 1, lastError: "The loft is gone." });

    for (let i = 0; i < 20 && (await row(stormy)).status === "pending"; i++) {
      h.clock.advance(10 * 60_000);
      await worker.drain();
    }
    const last = await row(stormy);
    expect(last.status).toBe("failed");
    expect(last.lastError).toBe(`A storm kept the pigeon home. Beckon gave up after ${last.attempts} attempts.`);
    expect(last.attempts).toBeGreaterThan(2);
    expect(pigeon.delivered).toEqual([]);
    expect(pigeon.afterAttempts.filter((a) => a.id === gone)).toEqual([{ id: gone, ok: false, sentence: "The loft is gone." }]);
  });

  it("records an item with nowhere to go as not sent, and one no longer needed as skipped", async () => {
    h = await createHarness();
    const pigeon = pigeonChannel();
    const worker = workerWith(pigeon.channel);
    const nowhere = await queue(null);
    const read = await queue("read");
    await worker.drain();
    expect(await row(nowhere)).toMatchObject({ status: "not_sent", lastError: "No loft to fly to." });
    expect(await row(read)).toMatchObject({ status: "skipped", lastError: "Not needed: already read." });
    expect(pigeon.delivered).toEqual([]);
    expect(pigeon.afterAttempts).toEqual([]);
  });

  it("runs the channel in its own lane, at most its concurrency at once, beside the built-in channels", async () => {
    h = await createHarness();
    const pigeon = pigeonChannel({ concurrency: 2, flightMs: 100 });
    const worker = workerWith(pigeon.channel);
    for (let i = 0; i < 6; i++) await queue(`loft-${i}`);
    // A call-back's owner SMS goes through the sms lane (not set up here) meanwhile.
    expect((await post(h, "/api/v1/sites/shop/callbacks", { name: "Sam Lee", phone: "+14155550123", when: "asap" })).status).toBe(201);
    worker.start();
    await expect.poll(() => pigeon.delivered.length, { timeout: 10_000 }).toBe(6);
    expect(Object.keys(worker.lastTicks())).toEqual(["sms", "email", "webhook", "push", "pigeon"]);
    expect(worker.lastTicks()[PIGEON]).toBeDefined();
    await expect.poll(async () => (await h.db.select().from(outbox).where(eq(outbox.channel, "sms")))[0]?.status).toBe("not_sent");
    await worker.stop();
    expect(pigeon.maxInFlight()).toBe(2);
  });
});
