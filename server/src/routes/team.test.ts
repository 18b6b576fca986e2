import { afterEach, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  h.app.request(path, { method: "POST", headers: { "Content-Type": "application/json", Origin: PUBLIC_URL, ...headers }, body: JSON.stringify(body) });

/** The one-time link in the newest mail to `to`. */
async function linkIn(to: string, path: string): Promise<string> {
  await h.worker.drain();
  const mail = h.smtp.mails.filter((m) => m.to.includes(to)).at(-1);
  expect(mail, `a mail to ${to}`).toBeTruthy();
  return new RegExp(`${PUBLIC_URL}${path}#([\\w-]+)`).exec(mail!.parsed.text ?? "")![1]!;
}

describe("first-run setup", () => {
  it("makes exactly one owner out of ten concurrent setups", async () => {
    h = await createHarness();
    const input = (n: number) => ({ name: `Owner ${n}`, email: `owner${n}@race.example`, password: "a long enough password", siteName: `Shop ${n}`, ownerPhone: "+14155550100", timezone: "Europe/London", phoneCountry: "GB" });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => json("/api/admin/setup", input(n))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const users = await h.database.client.execute("SELECT count(*) AS n FROM users");
    expect(Number(users.rows[0]!.n)).toBe(1);
    // OWNER_PHONE is the operator's: proved already, no code.
    const winner = await answers.find((r) => r.status === 201)!.json();
    expect(winner.phone).toEqual({ verified: true, phone: "+14155550100" });
    expect(winner.canCreateSites).toBe(true);
  });
});

describe("people on a site", () => {
  let owner: OwnerSession;
  async function setUp() {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id, canCreateSites: true });
    owner = await signIn(h, "owner@shop.example");
  }

  it("invites by email: the invitee sets their own password through a one-time link valid 48 hours", async () => {
    await setUp();
    const res = await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/members", { email: "Sam@Shop.example" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.invited).toBe("sam@shop.example");
    expect(body.invites).toMatchObject([{ email: "sam@shop.example", role: "member" }]);
    const token = await linkIn("sam@shop.example", "/admin/invite");

    expect(await (await json("/api/admin/invites/lookup", { token })).json()).toEqual({ email: "sam@shop.example", siteName: "Test Shop", role: "member", hasAccount: false });
    const short = await json("/api/admin/invites/accept", { token, name: "Sam", password: "short" });
    expect(short.status).toBe(400);
    const accepted = await json("/api/admin/invites/accept", { token, name: "Sam", password: "sam's own long password" });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("set-cookie")).toContain("beckon_session=");
    expect((await accepted.json()).sites).toEqual([{ key: "shop", name: "Test Shop", role: "member" }]);
    // Once only.
    expect((await json("/api/admin/invites/accept", { token, name: "Eve", password: "eve's long password" })).status).toBe(404);
    await signIn(h, "sam@shop.example", "sam's own long password");
  });

  it("lets an invitation expire after 48 hours", async () => {
    await setUp();
    await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/members", { email: "late@shop.example" });
    const token = await linkIn("late@shop.example", "/admin/invite");
    h.clock.advance(48 * 3_600_000 + 1000);
    const res = await json("/api/admin/invites/accept", { token, name: "Late", password: "a long enough password" });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("link_not_valid");
  });

  it("answers the same whether or not the invited address has an account, and never adds without consent", async () => {
    await setUp();
    await createOwner(h, { email: "someone@else.example", siteKey: "elsewhere" });
    const existing = await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/members", { email: "someone@else.example" });
    const unknown = await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/members", { email: "nobody@else.example" });
    expect(existing.status).toBe(unknown.status);
    const a = await existing.json();
    const b = await unknown.json();
    expect(a.members).toEqual(b.members);
    expect(JSON.stringify(a)).not.toMatch(/someone"|"name":"someone/);
    expect(a.members.map((m: { email: string }) => m.email)).toEqual(["owner@shop.example"]);
    // The existing account joins only by signing in through the link with its own password.
    const token = await linkIn("someone@else.example", "/admin/invite");
    expect((await json("/api/admin/invites/accept", { token, password: "wrong password!" })).status).toBe(401);
    const joined = await json("/api/admin/invites/accept", { token, password: "correct horse battery" });
    expect(joined.status).toBe(200);
    expect((await joined.json()).sites.map((s: { key: string }) => s.key).sort()).toEqual(["elsewhere", "shop"]);
  });

  it("keeps members from test SMS, new sites and inviting", async () => {
    await setUp();
    await createOwner(h, { email: "member@shop.example", siteKey: "unused" });
    await h.database.client.execute(`UPDATE site_members SET role = 'member' WHERE user_id = (SELECT id FROM users WHERE email = 'member@shop.example')`);
    await h.database.client.execute(`INSERT INTO site_members (site_id, user_id, role) SELECT ${h.site.id}, id, 'member' FROM users WHERE email = 'member@shop.example'`);
    const m = await signIn(h, "member@shop.example");
    expect((await ownerRequest(h, m, "POST", "/api/admin/sites/shop/test-sms")).status).toBe(403);
    expect(h.twilio.messages).toHaveLength(0);
    expect((await ownerRequest(h, m, "POST", "/api/admin/sites", { name: "Mine", timezone: "Europe/London", phoneCountry: "GB" })).status).toBe(403);
    expect((await ownerRequest(h, m, "POST", "/api/admin/sites/shop/members", { email: "friend@shop.example" })).status).toBe(403);
    expect((await (await ownerRequest(h, m, "GET", "/api/admin/session")).json()).canCreateSites).toBe(false);
  });

  it("changes a role and removes a member, never the last owner", async () => {
    await setUp();
    const { userId: samId } = await createOwner(h, { email: "sam@shop.example", siteKey: "sams" });
    await h.database.client.execute(`INSERT INTO site_members (site_id, user_id, role) VALUES (${h.site.id}, ${samId}, 'member')`);
    const sam = await signIn(h, "sam@shop.example");
    expect((await ownerRequest(h, owner, "PATCH", `/api/admin/sites/shop/members/${owner.userId}`, { role: "member" })).status).toBe(409);
    expect((await ownerRequest(h, owner, "DELETE", `/api/admin/sites/shop/members/${owner.userId}`)).status).toBe(409);
    const promoted = await ownerRequest(h, owner, "PATCH", `/api/admin/sites/shop/members/${samId}`, { role: "owner" });
    expect((await promoted.json()).members.find((p: { id: number }) => p.id === samId).role).toBe("owner");
    expect((await ownerRequest(h, sam, "GET", "/api/admin/sites/shop/settings")).status).toBe(200);
    const removed = await ownerRequest(h, owner, "DELETE", `/api/admin/sites/shop/members/${samId}`);
    expect((await removed.json()).members.map((p: { id: number }) => p.id)).toEqual([owner.userId]);
    expect((await ownerRequest(h, sam, "GET", "/api/admin/sites/shop/requests")).status).toBe(404);
  });

  it("rate-limits new sites per account, counted in the database", async () => {
    await setUp();
    for (let n = 0; n < 10; n++) {
      expect((await ownerRequest(h, owner, "POST", "/api/admin/sites", { name: `Shop ${n}`, timezone: "Europe/London", phoneCountry: "GB" })).status).toBe(201);
    }
    const eleventh = await ownerRequest(h, owner, "POST", "/api/admin/sites", { name: "One too many", timezone: "Europe/London", phoneCountry: "GB" });
    expect(eleventh.status).toBe(429);
    // Another process on the same database agrees; a day later it is allowed again.
    const other = await h.secondProcess();
    const viaOther = await other.request("/api/admin/sites", { method: "POST", headers: { Cookie: owner.cookie, "X-CSRF-Token": owner.csrfToken, Origin: PUBLIC_URL, "Content-Type": "application/json" }, body: JSON.stringify({ name: "Still too many", timezone: "Europe/London", phoneCountry: "GB" }) });
    expect(viaOther.status).toBe(429);
    h.clock.advance(24 * 3_600_000 + 1000);
    expect((await ownerRequest(h, owner, "POST", "/api/admin/sites", { name: "Next day", timezone: "Europe/London", phoneCountry: "GB" })).status).toBe(201);
  });
});

describe("sign-in throttling", () => {
  it("locks out the guessing address only; the owner still signs in from elsewhere", async () => {
    h = await createHarness({ rateLimits: { loginFailuresPer15Min: 10 } });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const attempt = (password: string, from: string) => json("/api/admin/session", { email: "owner@shop.example", password }, { "X-Forwarded-For": from });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess ${i}`, "203.0.113.9")).status).toBe(401);
    expect((await attempt("correct horse battery", "203.0.113.9")).status).toBe(429);
    expect((await attempt("correct horse battery", "198.51.100.7")).status).toBe(200);
  });

  it("has a slower per-account backstop across addresses", async () => {
    h = await createHarness({ rateLimits: { loginFailuresPer15Min: 2 } });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const attempt = (password: string, from: string) => json("/api/admin/session", { email: "owner@shop.example", password }, { "X-Forwarded-For": from });
    // 2 per pair, 20 per account an hour: ten addresses guessing twice each use it up.
    for (let a = 0; a < 10; a++) for (let i = 0; i < 2; i++) expect((await attempt("guess", `203.0.113.${a}`)).status).toBe(401);
    expect((await attempt("correct horse battery", "198.51.100.7")).status).toBe(429);
    h.clock.advance(61 * 60_000);
    expect((await attempt("correct horse battery", "198.51.100.7")).status).toBe(200);
  });
});

describe("forgot password", () => {
  it("mails a one-time link that sets a new password and ends other sessions; unknown addresses get the same answer", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const old = await signIn(h, "owner@shop.example");
    const known = await json("/api/admin/password-reset", { email: "OWNER@shop.example" });
    const unknown = await json("/api/admin/password-reset", { email: "nobody@shop.example" });
    expect(known.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const token = await linkIn("owner@shop.example", "/admin/reset-password");
    expect(h.smtp.mails.some((m) => m.to.includes("nobody@shop.example"))).toBe(false);
    expect(await (await json("/api/admin/password-reset/lookup", { token })).json()).toEqual({ email: "owner@shop.example" });
    const reset = await json("/api/admin/password-reset/confirm", { token, password: "a brand new password" });
    expect(reset.status).toBe(200);
    expect((await json("/api/admin/password-reset/confirm", { token, password: "another new password" })).status).toBe(404);
    expect((await ownerRequest(h, old, "GET", "/api/admin/session")).status).toBe(401);
    await signIn(h, "owner@shop.example", "a brand new password");
  });
});
