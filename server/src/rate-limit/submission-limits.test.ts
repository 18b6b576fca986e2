import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, type Harness } from "../../test/harness.ts";

let h: Harness;
afterEach(async () => h?.close());

const jane = { name: "Jane Doe", phone: "+14155550123" };
const from = (ip: string) => ({ "X-Forwarded-For": ip });

describe("submission limits", () => {
  it("are kept in the database: two processes on one file share them, and a restart forgets nothing", async () => {
    h = await createHarness({ rateLimits: { ipPer10Min: 2, sitePerHour: 100 } });
    const other = await h.secondProcess();
    const send = (app: typeof h.app) => app.request("/api/v1/sites/shop/callbacks", { method: "POST", headers: { "Content-Type": "application/json", ...from("203.0.113.7") }, body: JSON.stringify(jane) });
    expect((await send(h.app)).status).toBe(201);
    expect((await send(other)).status).toBe(201);
    const limited = await send(h.app);
    expect(limited.status).toBe(429);
    expect((await send(await h.secondProcess())).status).toBe(429); // a fresh process: still limited
    const wait = Number(limited.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    h.clock.advance(wait * 1000);
    expect((await send(other)).status).toBe(201);
  });

  it("counts ten submissions at the same instant, written together, as ten", async () => {
    h = await createHarness({ rateLimits: { ipPer10Min: 100, sitePerHour: 12 } });
    const at = (i: number) => post(h, "/api/v1/sites/shop/callbacks", { ...jane, name: `Shopper ${i}` }, from(`203.0.113.${i}`));
    expect((await Promise.all(Array.from({ length: 10 }, (_, i) => at(i)))).map((r) => r.status)).toEqual(Array(10).fill(201));
    // The site's budget of 12 has 2 left: two more get in, the next is refused.
    expect((await at(20)).status).toBe(201);
    expect((await at(21)).status).toBe(201);
    expect((await at(22)).status).toBe(429);
  });

  it("counts junk apart: 110 invalid posts from 11 addresses do not use up the site's limit", async () => {
    h = await createHarness({ rateLimits: { ipPer10Min: 10, sitePerHour: 5, rejectedPer10Min: 10 } });
    for (let a = 0; a < 11; a++) {
      for (let i = 0; i < 10; i++) {
        const res = await post(h, "/api/v1/sites/shop/callbacks", { name: "", phone: "nope" }, from(`198.51.100.${a}`));
        expect(res.status).toBe(400);
      }
    }
    // Each junk address has used its own budget up…
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from("198.51.100.0"))).status).toBe(429);
    // …while real shoppers still get through, up to the site's limit of accepted requests.
    for (let i = 0; i < 5; i++) expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from(`203.0.113.${i}`))).status).toBe(201);
    const full = await post(h, "/api/v1/sites/shop/callbacks", jane, from("203.0.113.99"));
    expect(full.status).toBe(429);
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts spam (here: no proof of work) as rejected, not toward the site's limit", async () => {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"] }, challenge: { maxNumber: 1000, ttlMs: 600_000 }, rateLimits: { ipPer10Min: 10, sitePerHour: 1, rejectedPer10Min: 3 } });
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from("192.0.2.1"))).status).toBe(201);
    expect((await post(h, "/api/v1/sites/shop/messages", { name: "Bot", email: "bot@example.com", message: "hi" }, from("192.0.2.1"))).status).toBe(201);
    expect((await post(h, "/api/v1/sites/shop/chats", { token: "shopper-token-0123456789abcdefghijklmnop", message: "hi" }, from("192.0.2.1"))).status).toBe(201);
    const limited = await post(h, "/api/v1/sites/shop/callbacks", jane, from("192.0.2.1"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts a filled honeypot as rejected, not toward the site's limit", async () => {
    h = await createHarness({ rateLimits: { ipPer10Min: 10, sitePerHour: 1, rejectedPer10Min: 3 } });
    for (let i = 0; i < 3; i++) expect((await post(h, "/api/v1/sites/shop/callbacks", { ...jane, company: "Bots Inc" }, from("192.0.2.1"))).status).toBe(201);
    expect((await post(h, "/api/v1/sites/shop/callbacks", { ...jane, company: "Bots Inc" }, from("192.0.2.1"))).status).toBe(429);
    expect((await post(h, "/api/v1/sites/shop/callbacks", jane, from("203.0.113.1"))).status).toBe(201);
  });
});
