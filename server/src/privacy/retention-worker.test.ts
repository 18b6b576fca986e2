import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { auditLog, blocklist, chatMessages, customers, events, jobLeases, oneTimeLinks, outbox, phoneCodes, rateCounters, requests, spentChallenges, twilioWebhookReceipts, users } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";
import { createRetentionWorker } from "./retention-worker.ts";

let h: Harness;
afterEach(async () => h?.close());

const retention = (db = h.db, holder = "process-a") => createRetentionWorker({ db, clock: h.clock, log: h.log, pollMs: 20, batch: 2, holder });

async function callback(site: string, name: string, phone: string) {
  const res = await post(h, `/api/v1/sites/${site}/callbacks`, { name, phone });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

describe("retention", () => {
  it("deletes only a site's requests past its retention, with their rows, and keeps recent ones and other sites'", async () => {
    h = await createHarness({ settings: { retentionMonths: 6, channels: ["callback", "message", "chat"] } });
    const other = await createOwner(h, { email: "oli@other.example", siteKey: "other" });

    h.clock.set("2026-03-02T15:00:00Z"); // almost nine months before "now"
    const old = [await callback("shop", "Old Ann", "+14155550101"), await callback("shop", "Old Ben", "+14155550102"), await callback("shop", "Old Cat", "+14155550103")];
    const returning = await callback("shop", "Dee", "+14155550104");
    const chat = await (await post(h, "/api/v1/sites/shop/chats", { token: "chat-token-0123456789abcdefghijklmnop", message: "Old question" })).json();
    const otherOld = await callback("other", "Far Away", "+14155550105");
    h.clock.set("2026-10-30T15:00:00Z");
    expect((await post(h, `/api/v1/sites/shop/chats/${chat.id}/messages`, { token: "chat-token-0123456789abcdefghijklmnop", message: "Still there?" })).status).toBe(201);
    const recent = await callback("shop", "Dee", "+14155550104");
    h.clock.set("2026-11-23T15:00:00Z");
    // The owner's digests name shoppers and belong to no request: old sent ones go, a recent one stays.
    const digest = (text: string, at: string) => ({ siteId: h.site.id, channel: "sms" as const, audience: "owner" as const, payload: { text }, status: "sent" as const, nextAttemptAt: new Date(at), createdAt: new Date(at), updatedAt: new Date(at) });
    await h.db.insert(outbox).values([digest("Beckon: 1 request still open: #1 Old Ann.", "2026-03-02T23:00:00Z"), digest("Beckon: 1 request still open: #7 Dee.", "2026-11-22T23:00:00Z")]);

    const run = await retention().drain();
    expect(run!.sites[h.site.id]).toMatchObject({ requests: 4, customers: 3 });
    const texts = JSON.stringify(await h.db.select().from(outbox));
    expect(texts).not.toContain("Old Ann");
    expect(texts).toContain("#7 Dee");
    expect(run!.sites[other.siteId]).toBeUndefined();

    const left = (await h.db.select({ id: requests.id }).from(requests)).map((r) => r.id).sort();
    expect(left).toEqual([chat.id, otherOld, recent].sort());
    expect(await h.db.select().from(requests).where(inArray(requests.id, [...old, returning]))).toEqual([]);
    expect((await h.db.select().from(chatMessages).where(eq(chatMessages.requestId, chat.id))).length).toBe(2);
    const names = (await h.db.select().from(customers)).map((c) => [c.name, c.requestCount]);
    expect(names).toEqual(expect.arrayContaining([["Dee", 1], ["Far Away", 1]]));
    expect(names.some(([n]) => String(n).startsWith("Old"))).toBe(false);
    const lines = await h.db.select().from(auditLog);
    expect(lines.every((l) => l.kind === "retention.pruned" && l.siteId === h.site.id && l.actorUserId === null)).toBe(true);
    expect(lines.reduce((n, l) => n + (l.counts.requests ?? 0), 0)).toBe(4);
    expect(lines.some((l) => l.counts.outbox === 1 && Object.keys(l.counts).length === 1)).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/Old|4155550/);
  });

  it("prunes live events past their window and keeps recent ones", async () => {
    h = await createHarness();
    h.clock.set("2026-11-01T15:00:00Z");
    await callback("shop", "Ann", "+14155550101");
    h.clock.set("2026-11-22T15:00:00Z");
    await callback("shop", "Ben", "+14155550102");
    await h.events.publish({ siteId: h.site.id, topic: "inbox", type: "request.updated", data: { requestId: "x" } });
    h.clock.set("2026-11-23T15:00:00Z");
    const before = await h.db.select().from(events);
    expect(before.length).toBeGreaterThanOrEqual(3);

    const run = await retention().drain();
    const after = await h.db.select().from(events);
    expect(run!.events).toBe(before.filter((e) => e.createdAt < new Date("2026-11-16T15:00:00Z")).length);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.every((e) => e.createdAt >= new Date("2026-11-16T15:00:00Z"))).toBe(true);
    expect(await h.db.select().from(requests)).toHaveLength(2); // no retention set: requests stay
  });

  it("runs in one process at a time, and a run cut short is taken over once its lease lapses", async () => {
    h = await createHarness({ settings: { retentionMonths: 1 } });
    const second = await openDatabase(`file:${h.dbFile}`);
    try {
      expect(await retention().drain()).not.toBeNull();
      // Not due again yet, whichever process looks.
      expect(await retention(second.db, "process-b").drain()).toBeNull();

      h.clock.set("2026-09-01T15:00:00Z");
      await callback("shop", "Ann", "+14155550101");
      // Process A claims the next run and dies before finishing.
      h.clock.set("2026-11-23T17:00:00Z");
      await h.db.update(jobLeases).set({ holder: "dead", lockedUntil: new Date("2026-11-23T17:05:00Z") }).where(eq(jobLeases.name, "retention"));
      expect(await retention(second.db, "process-b").drain()).toBeNull();
      expect(await h.db.select().from(requests)).toHaveLength(1);
      h.clock.set("2026-11-23T17:05:00Z");
      const run = await retention(second.db, "process-b").drain();
      expect(run!.sites[h.site.id]).toMatchObject({ requests: 1 });
      expect(await h.db.select().from(requests)).toHaveLength(0);
      const [lease] = await h.db.select().from(jobLeases);
      expect(lease).toMatchObject({ holder: null, lockedUntil: null, nextRunAt: new Date("2026-11-23T18:05:00Z") });
    } finally {
      second.close();
    }
  });

  it("stops between batches on shutdown and hands the job back, still due, to the next process", async () => {
    h = await createHarness({ settings: { retentionMonths: 1 } });
    h.clock.set("2026-09-01T15:00:00Z");
    for (const n of [1, 2, 3, 4, 5]) await callback("shop", `Old ${n}`, `+1415555010${n}`);
    h.clock.set("2026-11-23T15:00:00Z");
    const first = retention();
    const run = first.drain();
    await first.stop();
    expect((await run)!.sites[h.site.id]!.requests).toBeLessThan(5); // batches of 2: cut short
    expect(await h.db.select().from(jobLeases)).toMatchObject([{ holder: null, lockedUntil: null, lastRunAt: null }]);
    const rest = await retention(h.db, "process-b").drain();
    expect(rest).not.toBeNull();
    expect(await h.db.select().from(requests)).toHaveLength(0);
  });

  it("is an owner's setting: off by default, whole months from 1 to 120", async () => {
    h = await createHarness();
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const owner = await signIn(h, "mara@fern.example");
    const settings = (body: unknown) => ownerRequest(h, owner, "PUT", "/api/admin/sites/shop/settings", body);
    expect((await (await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/settings")).json()).settings.retentionMonths).toBeNull();
    const bad = await settings({ settings: { retentionMonths: 0 } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("retentionMonths");
    const ok = await settings({ settings: { retentionMonths: 12 } });
    expect((await ok.json()).settings.retentionMonths).toBe(12);
  });
  it("shows when its loop last went round, for /healthz", async () => {
    h = await createHarness();
    const worker = retention();
    expect(worker.lastTick()).toBeUndefined();
    const before = Date.now();
    worker.start();
    await worker.stop();
    expect(worker.lastTick()).toBeGreaterThanOrEqual(before);
  });
  it("prunes what would otherwise grow forever or keep client addresses, and keeps what is still in use", async () => {
    h = await createHarness();
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const [user] = await h.db.select().from(users);
    const at = (hoursAgo: number) => new Date(h.clock.now().getTime() - hoursAgo * 3600_000);
    await h.db.insert(twilioWebhookReceipts).values([
      { kind: "sms", key: "SM-old", createdAt: at(8 * 24) },
      { kind: "sms", key: "SM-recent", createdAt: at(6 * 24) },
    ]);
    await h.db.insert(rateCounters).values([
      { key: "ip:203.0.113.7", windowStart: at(26), count: 3 },
      { key: "ip:203.0.113.8", windowStart: at(2), count: 1 },
    ]);
    await h.db.insert(spentChallenges).values([
      { signature: "spent-old", expiresAt: at(0.1) },
      { signature: "spent-live", expiresAt: at(-0.1) },
    ]);
    const link = (tokenHash: string, created: number, expires: number, usedAt?: Date) => ({ purpose: "invite" as const, tokenHash, email: "sam@fern.example", siteId: h.site.id, role: "member" as const, createdAt: at(created), expiresAt: at(expires), usedAt });
    await h.db.insert(oneTimeLinks).values([
      link("used-old", 48, -120, at(47)),
      link("expired-old", 9 * 24, 2 * 24),
      link("open-invite", 48, -120),
      link("used-today", 2, -160, at(1)),
    ]);
    const code = (codeHash: string, created: number, usedAt?: Date) => ({ userId: user!.id, phone: "+14155550101", codeHash, use: { kind: "my_alerts" as const, siteId: h.site.id }, createdAt: at(created), expiresAt: at(created - 1 / 6), usedAt });
    await h.db.insert(phoneCodes).values([code("code-old", 48), code("code-used-old", 30, at(30)), code("code-today", 2, at(2))]);
    const block = (kind: "sender" | "phone", value: string, hoursAgo: number) => ({ siteId: h.site.id, kind, value, createdAt: at(hoursAgo) });
    await h.db.insert(blocklist).values([block("sender", "hash-old", 25), block("sender", "hash-live", 2), block("phone", "+14155550199", 30 * 24)]);

    const run = await retention().drain();
    expect(run!.tables).toEqual({ twilio_webhook_receipts: 1, rate_counters: 1, spent_challenges: 1, one_time_links: 2, phone_codes: 2, blocklist: 1 });
    expect((await h.db.select().from(twilioWebhookReceipts)).map((r) => r.key)).toEqual(["SM-recent"]);
    expect((await h.db.select().from(rateCounters)).map((r) => r.key)).toEqual(["ip:203.0.113.8"]);
    expect((await h.db.select().from(spentChallenges)).map((r) => r.signature)).toEqual(["spent-live"]);
    expect((await h.db.select().from(oneTimeLinks)).map((r) => r.tokenHash).sort()).toEqual(["open-invite", "used-today"]);
    expect((await h.db.select().from(phoneCodes)).map((r) => r.codeHash)).toEqual(["code-today"]);
    expect((await h.db.select().from(blocklist)).map((r) => r.value).sort()).toEqual(["+14155550199", "hash-live"]);
  });
});
