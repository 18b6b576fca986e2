import { eq } from "drizzle-orm";
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { outbox } from "../db/schema.ts";
import { createHarness, memoryLog, MAIL_FROM, post, type Harness } from "../../test/harness.ts";
import { createOutboxWorker } from "./outbox-worker.ts";
import { createChannels } from "../channels/channels.ts";
import { createSmtpEmail } from "../channels/email/email.ts";
import { defaultRetryPolicy } from "./retry-policy.ts";

let h: Harness;
afterEach(async () => h?.close());

const callback = (name: string) => post(h, "/api/v1/sites/shop/callbacks", { name, phone: "+14155550123", when: "asap" });
const rows = () => h.db.select().from(outbox);

/** Runs the worker on the injected clock: drain, move time `stepMs`, repeat until `totalMs` has passed. */
async function runFor(totalMs: number, stepMs: number, worker = h.worker) {
  for (let t = 0; t < totalMs; t += stepMs) {
    await worker.drain();
    h.clock.advance(stepMs);
  }
  await worker.drain();
}

describe("outbox retries across a provider outage", () => {
  for (const minutes of [11, 15]) {
    it(`sends every alert exactly once after a ${minutes}-minute Twilio outage`, async () => {
      h = await createHarness({ retry: { ...defaultRetryPolicy, random: () => 0.5 } });
      const worker = h.makeWorker();
      h.twilio.setDown(503);
      for (let i = 0; i < 20; i++) await callback(`Shopper ${i}`);
      await runFor(minutes * 60_000, 10_000, worker);
      expect(h.twilio.messages).toHaveLength(0);
      expect((await rows()).every((r) => r.status === "pending")).toBe(true);

      h.twilio.setDown(null);
      await runFor(30 * 60_000, 10_000, worker); // the longest backoff is capped at 15 minutes
      const all = await rows();
      expect(all.map((r) => r.status)).toEqual(Array(20).fill("sent"));
      expect(h.twilio.messages).toHaveLength(20);
      expect(new Set(h.twilio.messages.map((m) => m.body)).size).toBe(20);
    });
  }

  it("keeps retrying a transient failure for 24 hours, then fails it with a sentence", async () => {
    h = await createHarness({ retry: { ...defaultRetryPolicy, random: () => 0 } });
    h.twilio.setDown(0); // connections dropped: a network error, not an HTTP answer
    await callback("Jane Doe");
    await runFor(23 * 60 * 60_000, 5 * 60_000);
    expect((await rows())[0]).toMatchObject({ status: "pending", lastError: expect.stringMatching(/^Beckon could not reach Twilio/) });
    await runFor(2 * 60 * 60_000, 5 * 60_000);
    const [row] = await rows();
    expect(row!.status).toBe("failed");
    expect(row!.lastError).toMatch(/^Beckon could not reach Twilio.*Beckon gave up after \d+ attempts\.$/);
    expect(row!.attempts).toBeGreaterThan(90);
  });

  it("ends a notification at once on a permanent answer, in owner words", async () => {
    h = await createHarness();
    h.twilio.failNext(400);
    await callback("Jane Doe");
    await runFor(60 * 60_000, 60_000);
    expect(h.twilio.requestCount).toBe(1);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "Twilio refused the message (HTTP 400, error 20500)." });
  });
});

describe("a provider that is not set up", () => {
  it("records an owner alert and a shopper text once as not sent, never retried, in a sentence", async () => {
    h = await createHarness({ twilio: false, settings: { shopperSms: { enabled: true, dailyCap: 20, countries: [] } } as never });
    await post(h, "/api/v1/sites/shop/callbacks", { name: "Jane Doe", phone: "+14155550123", when: "2026-11-23T19:00:00Z", consent: true });
    await runFor(60 * 60_000, 60_000);
    const all = await rows();
    expect(all.map((r) => [r.audience, r.status, r.attempts])).toEqual([
      ["owner", "not_sent", 1],
      ["shopper", "not_sent", 1],
    ]);
    for (const r of all) expect(r.lastError).toMatch(/^SMS is not set up: /);
    expect(h.log.lines.join("\n")).not.toContain("Cannot read properties");
  });
});

describe("per-channel lanes", () => {
  it("sends SMS while a mail server that never answers holds the email lane", async () => {
    // A TCP server that accepts and never says a word: nodemailer waits for its greeting.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      h = await createHarness({ settings: { notifyEmail: "owner@shop.example" } as never });
      const email = await createSmtpEmail(`smtp://u:p@127.0.0.1:${port}`, MAIL_FROM, { connectionMs: 60_000, greetingMs: 60_000, socketMs: 60_000 });
      const sms = (await import("../../test/harness.ts")).createTestSms(h.twilio.url);
      const worker = createOutboxWorker({ db: h.db, clock: h.clock, channels: createChannels({ db: h.db, clock: h.clock, sms: await sms, email, retry: defaultRetryPolicy }), pollMs: 20, log: memoryLog() });
      // Mail first, so a single queue would put every SMS behind it.
      const res = await post(h, "/api/v1/sites/shop/messages", { name: "Ann", email: "ann@example.com", message: "Hello there" });
      expect(res.status).toBe(201);
      await callback("Sam Lee");
      await callback("Ana Ruiz");
      worker.start();
      const alerted = () => ["Sam Lee", "Ana Ruiz"].every((name) => h.twilio.messages.some((m) => m.body.includes(name)));
      await expect.poll(alerted, { timeout: 5000 }).toBe(true);
      const emails = await h.db.select().from(outbox).where(eq(outbox.channel, "email"));
      expect(emails.length).toBeGreaterThan(0);
      expect(emails.every((e) => e.status === "sending")).toBe(true); // still waiting on the silent server
      for (const s of sockets) s.destroy();
      await worker.stop();
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
