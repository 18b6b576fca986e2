import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const callback = { name: "Jane Doe", phone: "+14155550123", when: "asap", note: "Which pot for a monstera?" };

// The only owner routes that must answer without a session: the app shell (it holds no data), setup and sign-in.
const PUBLIC_ROUTES = new Set([
  "GET /admin", "GET /admin/*", "GET /admin/assets/:file", "GET /api/admin/setup", "POST /api/admin/setup", "POST /api/admin/session",
  "POST /api/admin/password-reset", "POST /api/admin/password-reset/lookup", "POST /api/admin/password-reset/confirm", "POST /api/admin/invites/lookup", "POST /api/admin/invites/accept",
  // The installable app's files (no data), and the service worker's push acknowledgment: by a pushId
  // alone (a random id only the device decrypted); by requestId it needs the session (tested in push.test.ts).
  "GET /admin/manifest.webmanifest", "GET /admin/sw.js", "GET /admin/offline.html", "GET /admin/icons/icon.svg", "GET /admin/icons/icon-maskable.svg",
  "GET /admin/icons/icon-192.png", "GET /admin/icons/icon-512.png", "GET /admin/icons/icon-maskable-192.png", "GET /admin/icons/icon-maskable-512.png", "POST /api/admin/push/ack",
]);

describe("owner API access", () => {
  it("refuses every /admin and /api/admin route without a session", async () => {
    h = await createHarness();
    const routes = h.app.routes
      .filter((r) => r.method !== "ALL" && /^\/(api\/)?admin/.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    const guarded = [...new Set(routes)].filter((r) => !PUBLIC_ROUTES.has(r));
    expect(guarded.length).toBeGreaterThan(15);
    for (const route of guarded) {
      const [method, path] = route.split(" ") as [string, string];
      const url = path.replace(":site", "shop").replace(":id", "1").replace("*", "x");
      const res = await h.app.request(url, { method, headers: { Origin: PUBLIC_URL, "Content-Type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      expect(res.status, route).toBe(401);
      expect((await res.json()).error.code, route).toBe("unauthenticated");
    }
  });

  it("refuses a wrong password with the same answer as an unknown email", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const attempt = (email: string, password: string) =>
      h.app.request("/api/admin/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
    const wrong = await attempt("owner@shop.example", "not the password");
    const unknown = await attempt("nobody@shop.example", "not the password");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const ok = await attempt("OWNER@shop.example", "correct horse battery");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/beckon_session=.+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });

  it("throttles repeated failed sign-ins, even with the right password afterwards", async () => {
    h = await createHarness({ rateLimits: { loginFailuresPer15Min: 3 } });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const attempt = (password: string) =>
      h.app.request("/api/admin/session", { method: "POST", headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.9" }, body: JSON.stringify({ email: "owner@shop.example", password }) });
    for (let i = 0; i < 3; i++) expect((await attempt("guess " + i)).status).toBe(401);
    const throttled = await attempt("correct horse battery");
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toMatchObject({ error: { code: "too_many_attempts" } });
  });

  it("rejects writes without the CSRF token or from another origin", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const s = await signIn(h, "owner@shop.example");
    const noToken = await h.app.request("/api/admin/sites/shop/settings", {
      method: "PUT",
      headers: { Cookie: s.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Hijacked" }),
    });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.code).toBe("csrf_failed");
    const foreign = await h.app.request("/api/admin/sites/shop/settings", {
      method: "PUT",
      headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrfToken, Origin: "https://evil.example", "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Hijacked" }),
    });
    expect(foreign.status).toBe(403);
    const settings = await (await ownerRequest(h, s, "GET", "/api/admin/sites/shop/settings")).json();
    expect(settings.site.name).toBe("Test Shop");
  });

  it("stops honouring a session once signed out", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const s = await signIn(h, "owner@shop.example");
    expect((await ownerRequest(h, s, "GET", "/api/admin/session")).status).toBe(200);
    expect((await ownerRequest(h, s, "DELETE", "/api/admin/session")).status).toBe(204);
    expect((await ownerRequest(h, s, "GET", "/api/admin/session")).status).toBe(401);
    expect((await ownerRequest(h, s, "GET", "/api/admin/sites/shop/requests")).status).toBe(401);
  });

  it("keeps two owners' sites apart", async () => {
    h = await createHarness();
    await createOwner(h, { email: "a@shop.example", siteId: h.site.id });
    await createOwner(h, { email: "b@other.example", siteKey: "other" });
    const a = await signIn(h, "a@shop.example");
    const b = await signIn(h, "b@other.example");
    const created = await (await post(h, "/api/v1/sites/shop/callbacks", callback)).json();
    const [customer] = (await (await ownerRequest(h, a, "GET", "/api/admin/sites/shop/requests")).json()).requests.map((r: { customer: { id: number } }) => r.customer);

    const forbidden: [string, string, unknown?][] = [
      ["GET", "/api/admin/sites/shop/requests"],
      ["GET", "/api/admin/sites/shop/settings"],
      ["PUT", "/api/admin/sites/shop/settings", { name: "Mine now" }],
      ["GET", "/api/admin/sites/shop/install"],
      ["GET", "/api/admin/sites/shop/members"],
      ["POST", "/api/admin/sites/shop/test-sms"],
      ["GET", `/api/admin/requests/${created.id}`],
      ["PATCH", `/api/admin/requests/${created.id}`, { status: "done" }],
      ["POST", `/api/admin/requests/${created.id}/notes`, { text: "peek" }],
      ["POST", `/api/admin/requests/${created.id}/replies`, { text: "peek" }],
      ["POST", `/api/admin/requests/${created.id}/messages`, { text: "peek" }],
      ["GET", `/api/admin/customers/${customer.id}`],
    ];
    for (const [method, path, body] of forbidden) {
      const res = await ownerRequest(h, b, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const mine = await (await ownerRequest(h, b, "GET", "/api/admin/sites")).json();
    expect(mine.sites.map((s: { key: string }) => s.key)).toEqual(["other"]);
    const detail = await (await ownerRequest(h, a, "GET", `/api/admin/requests/${created.id}`)).json();
    expect(detail.request.status).toBe("new");
    expect(detail.site.name).toBe("Test Shop");
  });
});

describe("first-run setup", () => {
  it("creates the owner and their site once, then closes", async () => {
    h = await createHarness();
    expect(await (await h.app.request("/api/admin/setup")).json()).toEqual({ needed: true, passwordResetByEmail: true, smsConfigured: true });
    const input = { name: "Mara Fern", email: "mara@fern.example", password: "short", siteName: "Fern & Thistle", ownerPhone: "555", timezone: "Mars/Olympus", phoneCountry: "US" };
    const bad = await h.app.request("/api/admin/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["password", "timezone"]);
    const good = { ...input, password: "a long enough password", timezone: "Europe/London", phoneCountry: "GB", ownerPhone: "07911 123456" };
    const res = await h.app.request("/api/admin/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(good) });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.sites).toEqual([{ key: "fern-thistle", name: "Fern & Thistle", role: "owner" }]);
    expect(res.headers.get("set-cookie")).toContain("beckon_session=");
    expect((await (await h.app.request("/api/admin/setup")).json()).needed).toBe(false);
    const again = await h.app.request("/api/admin/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ...good, email: "x@y.example" }) });
    expect(again.status).toBe(409);
    // The mobile number gets alerts only once proved with the code texted to it.
    expect(body.phone).toMatchObject({ verified: false, code: { phone: "+447911123456", delivery: "sms" } });
    const s = await signIn(h, "mara@fern.example", "a long enough password");
    const before = await (await ownerRequest(h, s, "GET", "/api/admin/sites/fern-thistle/settings")).json();
    expect(before.site.ownerPhone).toBeNull();
    const code = /\b(\d{6})\b/.exec(h.twilio.messages.find((m) => m.to === "+447911123456")!.body)![1];
    const confirmed = await ownerRequest(h, s, "POST", `/api/admin/phone-codes/${body.phone.code.id}/confirm`, { code });
    expect(confirmed.status).toBe(200);
    const settings = await (await ownerRequest(h, s, "GET", "/api/admin/sites/fern-thistle/settings")).json();
    expect(settings.site.ownerPhone).toBe("+447911123456");
    expect(settings.settings).toMatchObject({ timezone: "Europe/London", phoneCountry: "GB" });
  });
});
