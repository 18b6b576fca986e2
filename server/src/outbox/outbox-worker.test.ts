import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import { createOutboxWorker } from "./outbox-worker.ts";
import { createChannels } from "../channels/channels.ts";
import { createHarness, createTestSms, memoryLog, OWNER_PHONE, post, type Harness } from "../../test/harness.ts";

let h: Harness;
afterEach(async () => h?.close());

const request = { name: "Sam Lee", phone: "+14155550123", when: "asap" };

describe("outbox worker", () => {
  it("resumes pending SMS after a restart, from the database alone", async () => {
    h = await createHarness();
    await post(h, "/api/v1/sites/shop/callbacks", request);
    await post(h, "/api/v1/sites/shop/callbacks", { ...request, name: "Ana Ruiz" });
    h.database.close(); // the process dies before its worker ran

    const reopened = await openDatabase(`file:${h.dbFile}`);
    await migrateDatabase(reopened.db);
    const sms = await createTestSms(h.twilio.url);
    const worker = createOutboxWorker({ db: reopened.db, clock: h.clock, channels: createChannels({ db: reopened.db, clock: h.clock, sms, email: undefined, retry: { baseMs: 1, capMs: 1, giveUpAfterMs: 60_000, random: () => 0 } }), pollMs: 10, log: memoryLog() });
    worker.start();
    await expect.poll(() => h.twilio.messages.length).toBe(2);
    await worker.stop();
    // The second comes from the same number while the first is open: "… again" leads it (issue #12).
    expect(h.twilio.messages.map((m) => [m.to, m.body.split("\n").find((l) => l.startsWith("Call back"))])).toEqual([
      [OWNER_PHONE, "Call back #1: Sam Lee +14155550123"],
      [OWNER_PHONE, "Call back #2: Ana Ruiz +14155550123"],
    ]);
    expect((await reopened.db.select().from(outbox)).map((r) => r.status)).toEqual(["sent", "sent"]);
    reopened.close();
  });

  it("retries an item whose sender died mid-send once its lease runs out", async () => {
    h = await createHarness();
    await post(h, "/api/v1/sites/shop/callbacks", request);
    await h.db.update(outbox).set({ status: "sending", attempts: 1, lockedUntil: new Date(h.clock.now().getTime() + 60_000) });
    expect(await h.worker.drain()).toBe(0); // still leased to the (dead) sender
    h.clock.advance(2 * 60_000);
    expect(await h.worker.drain()).toBe(1);
    expect(h.twilio.messages).toHaveLength(1);
    expect((await h.db.select().from(outbox))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("never lets two workers send the same item", async () => {
    h = await createHarness();
    for (let i = 0; i < 6; i++) await post(h, "/api/v1/sites/shop/callbacks", { ...request, name: `Shopper ${i}` });
    const other = h.makeWorker();
    await Promise.all([h.worker.drain(), other.drain()]);
    expect(h.twilio.messages).toHaveLength(6);
    expect(new Set(h.twilio.messages.map((m) => m.body)).size).toBe(6);
  });

  it("sends as soon as it is woken, without waiting for the next poll", async () => {
    h = await createHarness();
    const worker = createOutboxWorker({ db: h.db, clock: h.clock, channels: createChannels({ db: h.db, clock: h.clock, email: undefined, sms: await createTestSms(h.twilio.url), retry: { baseMs: 1, capMs: 1, giveUpAfterMs: 60_000, random: () => 0 } }), pollMs: 60 * 60_000, log: memoryLog() });
    worker.start();
    await new Promise((r) => setTimeout(r, 50)); // first pass done; now asleep for an hour
    await post(h, "/api/v1/sites/shop/callbacks", request);
    worker.wake();
    await expect.poll(() => h.twilio.messages.length, { timeout: 5000 }).toBe(1);
    await worker.stop();
  });

  it("sends a burst of SMS many at a time (bounded), not one after another", async () => {
    h = await createHarness();
    for (let i = 0; i < 50; i++) await post(h, "/api/v1/sites/shop/callbacks", { ...request, name: `Shopper ${i}` });
    h.twilio.setLatency(1000); // long enough that every send in flight overlaps, even on a busy machine
    const worker = createOutboxWorker({ db: h.db, clock: h.clock, channels: createChannels({ db: h.db, clock: h.clock, email: undefined, sms: await createTestSms(h.twilio.url), retry: { baseMs: 1, capMs: 1, giveUpAfterMs: 60_000, random: () => 0 } }), pollMs: 60 * 60_000, log: memoryLog() });
    worker.start();
    await expect.poll(() => h.twilio.messages.length, { timeout: 20_000 }).toBe(50);
    await worker.stop();
    expect(h.twilio.maxInFlight).toBeGreaterThan(16);
    expect(h.twilio.maxInFlight).toBeLessThanOrEqual(32);
    expect(new Set(h.twilio.messages.map((m) => m.body)).size).toBe(50);
  });

  it("records an owner alert as not sent when the site turned SMS alerts off, and sends it when on", async () => {
    h = await createHarness({ settings: { smsAlerts: false } });
    await post(h, "/api/v1/sites/shop/callbacks", request);
    await h.worker.drain();
    expect(h.twilio.messages).toHaveLength(0);
    const [off] = await h.db.select().from(outbox);
    expect(off).toMatchObject({ status: "not_sent", lastError: "SMS alerts are off for this site." });
    await h.close();
    h = await createHarness();
    await post(h, "/api/v1/sites/shop/callbacks", request);
    await h.worker.drain();
    expect(h.twilio.messages).toHaveLength(1);
  });
});
