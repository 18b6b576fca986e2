import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { customers, outbox, requests } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, post, PUBLIC_URL, TWILIO_FROM, type Harness } from "../../test/harness.ts";

let h: Harness;
afterEach(async () => h?.close());

const jane = { name: "Jane Doe", phone: "(415) 555-0123", when: "asap", note: "Question about order 1234" };

describe("GET /api/v1/sites/:site/config", () => {
  it("serves the public config with CORS for allowed origins, an ETag and a short cache", async () => {
    h = await createHarness();
    const res = await h.app.request("/api/v1/sites/shop/config", { headers: { Origin: PUBLIC_URL } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(PUBLIC_URL);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    const body = await res.json();
    expect(body).toMatchObject({ site: "shop", name: "Test Shop", launcherLabel: "Contact us", channels: [
      { id: "callback", label: "Call me back" },
      { id: "message", label: "Send a message" },
    ] });
    expect(body.availability.openNow).toBe(true); // Monday 10:00 in New York
    expect(JSON.stringify(body)).not.toContain(OWNER_PHONE);
    const again = await h.app.request("/api/v1/sites/shop/config", { headers: { Origin: PUBLIC_URL, "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });

  it("answers 404 with a code for an unknown site", async () => {
    h = await createHarness();
    const res = await h.app.request("/api/v1/sites/nope/config");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "unknown_site" } });
  });

  it("refuses other origins: no CORS header on preflight, 403 on a direct POST", async () => {
    h = await createHarness();
    const preflight = await h.app.request("/api/v1/sites/shop/callbacks", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const ok = await h.app.request("/api/v1/sites/shop/callbacks", {
      method: "OPTIONS",
      headers: { Origin: PUBLIC_URL, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "idempotency-key" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe(PUBLIC_URL);
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");
    const res = await post(h, "/api/v1/sites/shop/callbacks", jane, { Origin: "https://evil.example", "Content-Type": "text/plain" });
    expect(res.status).toBe(403);
    expect(await h.db.select().from(requests)).toHaveLength(0);
  });
});

describe("POST /api/v1/sites/:site/callbacks", () => {
  it("stores the request, then texts the owner (and only the owner) through the real Twilio SDK", async () => {
    h = await createHarness();
    const started = performance.now();
    const res = await post(h, "/api/v1/sites/shop/callbacks", { ...jane, phone: "+1 212 555 0175" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: "new", expect: { kind: "soon" } });
    // Committed before the answer: the request and its outbox row are already there.
    const [stored] = await h.db.select().from(requests).where(eq(requests.id, body.id));
    expect(stored).toMatchObject({ kind: "callback", status: "new", fields: { name: "Jane Doe", phone: "+12125550175" } });
    expect((await h.db.select().from(outbox))[0]).toMatchObject({ status: "pending", requestId: body.id });
    expect(h.wakes).toBe(1);

    expect(await h.worker.drain()).toBe(1);
    const elapsed = performance.now() - started;
    console.info(`submit-to-SMS (request, commit, outbox, Twilio SDK round trip): ${elapsed.toFixed(1)} ms`);
    expect(h.twilio.messages).toHaveLength(1);
    const [sms] = h.twilio.messages;
    expect(sms!.to).toBe(OWNER_PHONE);
    expect(sms!.from).toBe(TWILIO_FROM);
    expect(sms!.body).toContain("Jane Doe +12125550175");
    expect(sms!.body).toContain(`${PUBLIC_URL}/admin/requests/${body.id}`);
    const [row] = await h.db.select().from(outbox);
    expect(row).toMatchObject({ status: "sent", recipient: OWNER_PHONE, providerId: sms!.sid, attempts: 1 });
  });

  it("accepts JSON sent as text/plain (no CORS preflight)", async () => {
    h = await createHarness();
    const res = await post(h, "/api/v1/sites/shop/callbacks", jane, { "Content-Type": "text/plain;charset=UTF-8" });
    expect(res.status).toBe(201);
  });

  it("retries a Twilio 500 and sends exactly one SMS", async () => {
    h = await createHarness();
    h.twilio.failNext(500);
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane)).status).toBe(201);
    await h.worker.drain();
    expect(h.twilio.messages).toHaveLength(0);
    let [row] = await h.db.select().from(outbox);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toContain("HTTP 500");
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(h.clock.now().getTime()); // backing off

    h.clock.advance(60_000);
    await h.worker.drain();
    await h.worker.drain();
    expect(h.twilio.messages).toHaveLength(1);
    expect(h.twilio.requestCount).toBe(2);
    [row] = await h.db.select().from(outbox);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives up after the last attempt and records the failure", async () => {
    h = await createHarness({ retry: { giveUpAfterMs: 30_000 } });
    h.twilio.failNext(503, 503, 503);
    await post(h, "/api/v1/sites/shop/callbacks", jane);
    await h.worker.drain();
    h.clock.advance(60_000);
    await h.worker.drain();
    const [row] = await h.db.select().from(outbox);
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row!.lastError).toContain("HTTP 503");
  });

  it("does not retry a permanent Twilio error", async () => {
    h = await createHarness();
    h.twilio.failNext(400);
    await post(h, "/api/v1/sites/shop/callbacks", jane);
    await h.worker.drain();
    h.clock.advance(60 * 60_000);
    await h.worker.drain();
    expect(h.twilio.requestCount).toBe(1);
    expect((await h.db.select().from(outbox))[0]).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("answers an idempotent retry with the first answer, and sends no second SMS", async () => {
    h = await createHarness();
    const key = { "Idempotency-Key": "retry-key-0001" };
    const first = await post(h, "/api/v1/sites/shop/callbacks", jane, key);
    const second = await post(h, "/api/v1/sites/shop/callbacks", jane, key);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    const racing = await Promise.all([1, 2, 3].map(() => post(h, "/api/v1/sites/shop/callbacks", jane, { "Idempotency-Key": "race-key-0001" })));
    const ids = new Set(await Promise.all(racing.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    await h.worker.drain();
    expect(await h.db.select().from(requests)).toHaveLength(2);
    expect(h.twilio.messages).toHaveLength(2);
  });

  it("rejects an impossible phone number with a field message", async () => {
    h = await createHarness();
    const res = await post(h, "/api/v1/sites/shop/callbacks", { ...jane, phone: "555-12" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.phone).toMatch(/phone number/);
    expect(await h.db.select().from(requests)).toHaveLength(0);
  });

  it("lists every bad field at once", async () => {
    h = await createHarness({ settings: { consent: { callback: { required: true } } } });
    const res = await post(h, "/api/v1/sites/shop/callbacks", { name: " ", phone: 42, when: "yesterday" });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(["name", "phone", "when"]);
    const noConsent = await post(h, "/api/v1/sites/shop/callbacks", jane);
    expect((await noConsent.json()).error.fields).toEqual({ consent: expect.any(String) });
  });

  it("refuses a time outside business hours, and accepts an offered slot", async () => {
    h = await createHarness();
    const night = await post(h, "/api/v1/sites/shop/callbacks", { ...jane, when: "2026-11-24T03:00:00Z" });
    expect((await night.json()).error.fields.when).toBeDefined();
    const config = await (await h.app.request("/api/v1/sites/shop/config")).json();
    const slot = config.callback.slots[3];
    const res = await post(h, "/api/v1/sites/shop/callbacks", { ...jane, when: slot });
    expect(await res.json()).toMatchObject({ expect: { kind: "scheduled", at: slot } });
  });

  it("says when to expect the call when closed", async () => {
    h = await createHarness();
    h.clock.set("2026-11-21T15:00:00Z"); // Saturday
    const res = await post(h, "/api/v1/sites/shop/callbacks", jane);
    expect(await res.json()).toMatchObject({ expect: { kind: "next_open", at: "2026-11-23T14:00:00.000Z" } });
  });

  it("stores nothing and sends nothing when the honeypot is filled", async () => {
    h = await createHarness();
    const res = await post(h, "/api/v1/sites/shop/callbacks", { ...jane, company: "Spam Corp" });
    expect(res.status).toBe(201);
    expect((await res.json()).id).toBeTruthy();
    await h.worker.drain();
    expect(await h.db.select().from(requests)).toHaveLength(0);
    expect(await h.db.select().from(outbox)).toHaveLength(0);
    expect(h.twilio.messages).toHaveLength(0);
  });

  it("answers 413 over 16 KB and 400 for broken JSON", async () => {
    h = await createHarness();
    const big = await post(h, "/api/v1/sites/shop/callbacks", { ...jane, note: "x".repeat(17 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "payload_too_large" } });
    const broken = await post(h, "/api/v1/sites/shop/callbacks", "{not json");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("rate-limits per IP with Retry-After, without touching other addresses", async () => {
    h = await createHarness({ rateLimits: { ipPer10Min: 2, sitePerHour: 100 } });
    const from = (ip: string) => ({ "X-Forwarded-For": ip });
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from("203.0.113.7"))).status).toBe(201);
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from("203.0.113.7"))).status).toBe(201);
    const limited = await post(h, "/api/v1/sites/shop/callbacks", jane, from("203.0.113.7"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from("198.51.100.2"))).status).toBe(201);
  });

  it("recognises a returning shopper and says so in the SMS", async () => {
    h = await createHarness();
    await post(h, "/api/v1/sites/shop/callbacks", jane);
    await post(h, "/api/v1/sites/shop/callbacks", { ...jane, phone: "+14155550123" });
    await post(h, "/api/v1/sites/shop/callbacks", { ...jane, phone: "415.555.0123" });
    await h.worker.drain();
    const rows = await h.db.select().from(customers);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ phone: "+14155550123", requestCount: 3 });
    // Issue #12: the history line says which request this is, and an open earlier one makes it "again".
    expect(h.twilio.messages.map((m) => m.body.includes("request since 2026"))).toEqual([false, true, true]);
    expect(h.twilio.messages[2]!.body).toContain("3rd request since 2026");
    expect(h.twilio.messages[2]!.body).toMatch(/^Jane again - 3rd time today, open since 10:00\n/);
  });

  it("prints the SMS and records it as not sent when Twilio is not configured", async () => {
    h = await createHarness({ twilio: false });
    await post(h, "/api/v1/sites/shop/callbacks", jane);
    await h.worker.drain();
    const [row] = await h.db.select().from(outbox);
    expect(row!.status).toBe("not_sent");
    expect(row!.sentAt).toBeNull();
    expect(h.log.lines.join("\n")).toContain("Jane Doe +14155550123");
  });
});
