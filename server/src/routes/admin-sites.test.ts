import { afterEach, describe, expect, it } from "vitest";
import { createHarness, OWNER_PHONE, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

async function setUp(opts: Parameters<typeof createHarness>[0] = {}) {
  h = await createHarness(opts);
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  s = await signIn(h, "owner@shop.example");
}

const config = async () => (await h.app.request("/api/v1/sites/shop/config", { headers: { Origin: PUBLIC_URL } })).json();

describe("site settings", () => {
  it("reports every bad field by its path and saves nothing", async () => {
    await setUp();
    const res = await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/settings", {
      name: "",
      ownerPhone: "12",
      settings: { accent: "#777777", hours: { mon: [{ from: "17:00", to: "09:00" }] }, allowedOrigins: ["https://ok.example", "not a url"], timezone: "Nowhere/City" },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(["accent", "allowedOrigins.1", "hours.mon.0", "name", "ownerPhone", "timezone"]);
    const fields = error.fields;
    expect(fields.accent).toMatch(/contrast/);
    const view = await (await ownerRequest(h, s, "GET", "/api/admin/sites/shop/settings")).json();
    expect(view.settings.accent).toBe("#1f6f5c");
  });

  it("reaches the widget on its next load: accent, away mode, personal touch", async () => {
    await setUp();
    const before = await h.app.request("/api/v1/sites/shop/config");
    const res = await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/settings", {
      settings: { accent: "#6b2fa3", awayUntil: "2026-11-30T09:00:00-05:00", awayMessage: "Back Monday!", ownerFirstName: "Mara", trustLine: "I read every message myself." },
    });
    expect(res.status).toBe(200);
    const after = await h.app.request("/api/v1/sites/shop/config");
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    const body = await after.json();
    expect(body.accent).toBe("#6b2fa3");
    expect(body.onAccent).toBe("#ffffff");
    expect(body.availability).toMatchObject({ openNow: false, awayUntil: "2026-11-30T09:00:00-05:00", awayMessage: "Back Monday!", nextOpenAt: "2026-11-30T14:00:00.000Z" });
    expect(body.callback.slots).toEqual([]);
    expect(body.owner).toEqual({ firstName: "Mara", photoUrl: null, trustLine: "I read every message myself." });
  });

  it("accepts a light brand colour and tells the widget to put dark text on it", async () => {
    await setUp();
    const res = await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/settings", { settings: { accent: "#f5c542" } });
    expect(res.status).toBe(200);
    const body = await (await h.app.request("/api/v1/sites/shop/config")).json();
    expect(body).toMatchObject({ accent: "#f5c542", onAccent: "#1a1a1a" });
  });

  it("stores an owner photo and serves it to the widget", async () => {
    await setUp();
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const put = await h.app.request("/api/admin/sites/shop/photo", {
      method: "PUT",
      headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrfToken, "Content-Type": "image/png" },
      body: png,
    });
    expect(put.status).toBe(200);
    const { photoUrl } = (await config()).owner;
    expect(photoUrl).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/sites/shop/photo\\?v=\\d+$`));
    const img = await h.app.request(photoUrl.replace(PUBLIC_URL, ""));
    expect(img.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await img.arrayBuffer())).toEqual(png);
    const svg = await h.app.request("/api/admin/sites/shop/photo", {
      method: "PUT",
      headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrfToken, "Content-Type": "image/svg+xml" },
      body: "<svg/>",
    });
    expect(svg.status).toBe(415);
    // The content decides, never the label: HTML sent as image/png is refused ...
    const html = await h.app.request("/api/admin/sites/shop/photo", {
      method: "PUT",
      headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrfToken, "Content-Type": "image/png" },
      body: "<html><script>alert(1)</script></html>",
    });
    expect(html.status).toBe(415);
    // ... and a WebP labelled as JPEG is stored and served as what it is.
    const webp = Buffer.concat([Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"), Buffer.alloc(24)]);
    const relabelled = await h.app.request("/api/admin/sites/shop/photo", {
      method: "PUT",
      headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrfToken, "Content-Type": "image/jpeg" },
      body: webp,
    });
    expect(relabelled.status).toBe(200);
    const served = await h.app.request((await config()).owner.photoUrl.replace(PUBLIC_URL, ""));
    expect(served.headers.get("content-type")).toBe("image/webp");
  });

  it("sends a test SMS to the owner's own number and reports the provider's answer", async () => {
    await setUp();
    const res = await (await ownerRequest(h, s, "POST", "/api/admin/sites/shop/test-sms")).json();
    expect(res).toMatchObject({ status: "sent", to: OWNER_PHONE, providerId: h.twilio.messages[0]!.sid, providerStatus: "queued" });
    h.twilio.failNext(401);
    const failed = await (await ownerRequest(h, s, "POST", "/api/admin/sites/shop/test-sms")).json();
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("HTTP 401") });
  });

  it("allows 5 test SMS an hour per site, counted in the database so every process shares the budget", async () => {
    await setUp();
    const other = { ...h, app: await h.secondProcess() };
    const press = (on: Harness) => ownerRequest(on, s, "POST", "/api/admin/sites/shop/test-sms");
    for (let i = 0; i < 5; i++) expect((await press(i % 2 ? other : h)).status).toBe(200);
    const limited = await press(other);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await press(h)).status).toBe(429);
    const wait = Number(limited.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    h.clock.advance(wait * 1000);
    expect((await press(other)).status).toBe(200);
  });

  it("says the test SMS was not sent when Twilio is not configured", async () => {
    await setUp({ twilio: false });
    const res = await (await ownerRequest(h, s, "POST", "/api/admin/sites/shop/test-sms")).json();
    expect(res).toMatchObject({ status: "not_sent", error: expect.stringContaining("not configured") });
  });
});

describe("install page", () => {
  it("gives the snippet and notes where the widget was last seen", async () => {
    await setUp();
    const first = await (await ownerRequest(h, s, "GET", "/api/admin/sites/shop/install")).json();
    expect(first.snippet).toBe(`<script src="${PUBLIC_URL}/widget.js" data-site="shop" data-color="#1f6f5c" async></script>`);
    expect(first.lastSeen).toBeNull();
    await config();
    const seen = await (await ownerRequest(h, s, "GET", "/api/admin/sites/shop/install")).json();
    expect(seen.lastSeen).toEqual({ origin: PUBLIC_URL, at: h.clock.now().toISOString() });
  });
});

describe("sites and people", () => {
  it("adds a site for an installation owner, and an invited member who then sees it", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id, canCreateSites: true });
    s = await signIn(h, "owner@shop.example");
    const created = await ownerRequest(h, s, "POST", "/api/admin/sites", { name: "Second Shop", timezone: "Europe/Berlin", phoneCountry: "DE" });
    expect(created.status).toBe(201);
    expect((await created.json()).site).toEqual({ key: "second-shop", name: "Second Shop" });
    const invited = await ownerRequest(h, s, "POST", "/api/admin/sites/second-shop/members", { email: "sam@shop.example" });
    expect(invited.status).toBe(201);
    await h.worker.drain();
    const token = /\/admin\/invite#([\w-]+)/.exec(h.smtp.mails.at(-1)!.parsed.text ?? "")![1]!;
    const accepted = await h.app.request("/api/admin/invites/accept", { method: "POST", headers: { "Content-Type": "application/json", Origin: PUBLIC_URL }, body: JSON.stringify({ token, name: "Sam", password: "another long one" }) });
    expect(accepted.status).toBe(200);
    const sam = await signIn(h, "sam@shop.example", "another long one");
    const sites = await (await ownerRequest(h, sam, "GET", "/api/admin/sites")).json();
    expect(sites.sites).toEqual([{ key: "second-shop", name: "Second Shop", role: "member", openCount: 0 }]);
    const denied = await ownerRequest(h, sam, "POST", "/api/admin/sites/second-shop/members", { email: "owner@shop.example" });
    expect(denied.status).toBe(403);
    // A member works the inbox but cannot change the site.
    expect((await ownerRequest(h, sam, "GET", "/api/admin/sites/second-shop/requests")).status).toBe(200);
    const settings = await ownerRequest(h, sam, "PUT", "/api/admin/sites/second-shop/settings", { name: "Sam's now" });
    expect(settings.status).toBe(403);
    expect(await settings.json()).toMatchObject({ error: { code: "forbidden", message: "Only the site's owner can change settings." } });
    expect((await ownerRequest(h, sam, "DELETE", "/api/admin/sites/second-shop/photo")).status).toBe(403);
  });
});
