import { afterEach, describe, expect, it } from "vitest";
import { createHarness, OWNER_PHONE, post, postFromTwilio, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { forgetUnprovedAlertPhones } from "../accounts/phone-verification.ts";

let h: Harness;
afterEach(async () => h?.close());

const VICTIM = "+14155550142";
const MEMBER = "+14155550177";
const codeSentTo = (phone: string) => /\b(\d{6})\b/.exec(h.twilio.messages.filter((m) => m.to === phone).at(-1)!.body)![1]!;
const callback = (name: string) => ({ name, phone: "+14155550123", when: "asap", note: "Please call" });
const smsFrom = (from: string, body: string) => postFromTwilio(h, "/webhooks/twilio/sms", { From: from, To: "+14155550199", Body: body, MessageSid: `SM${Math.random()}` });

async function ownerOf(email: string, siteKey: string, opts: { siteId?: number } = {}): Promise<OwnerSession> {
  await createOwner(h, { email, siteKey, siteId: opts.siteId, canCreateSites: true });
  return signIn(h, email);
}

describe("alert numbers are proved by a code sent by SMS", () => {
  it("stops a site made with another shop's number from texting or hearing that number", async () => {
    h = await createHarness();
    const victim = await ownerOf("victim@shop.example", "victim");
    const attacker = await ownerOf("attacker@evil.example", "evil");
    // The victim proves their number and gets alerts for their site.
    const started = await (await ownerRequest(h, victim, "POST", "/api/admin/sites/victim/alert-phone", { phone: VICTIM })).json();
    expect(started).toMatchObject({ verified: false, code: { phone: VICTIM, delivery: "sms" } });
    expect((await ownerRequest(h, victim, "POST", `/api/admin/phone-codes/${started.code.id}/confirm`, { code: codeSentTo(VICTIM) })).status).toBe(200);

    // The attacker adds a site with the victim's number: it gets no alert number without the code.
    const created = await (await ownerRequest(h, attacker, "POST", "/api/admin/sites", { name: "Evil Two", ownerPhone: VICTIM, timezone: "America/New_York", phoneCountry: "US" })).json();
    expect(created.phone).toMatchObject({ verified: false });
    const settings = await ownerRequest(h, attacker, "PUT", "/api/admin/sites/evil/settings", { ownerPhone: VICTIM });
    expect(settings.status).toBe(400);
    expect((await settings.json()).error.fields.ownerPhone).toMatch(/code/);
    const view = await (await ownerRequest(h, attacker, "GET", "/api/admin/sites/evil-two/settings")).json();
    expect(view.site.ownerPhone).toBeNull();

    // Shoppers on the attacker's site text nobody; the victim's own reply stays on the victim's site.
    const before = h.twilio.messages.filter((m) => m.to === VICTIM).length;
    await h.database.client.execute(`UPDATE sites SET settings = json_set(settings, '$.allowedOrigins', json_array('${PUBLIC_URL}')) WHERE key IN ('evil-two', 'victim')`);
    for (let i = 0; i < 3; i++) await post(h, "/api/v1/sites/evil-two/callbacks", callback(`Bait ${i}`));
    await post(h, "/api/v1/sites/victim/callbacks", callback("Real shopper"));
    await h.worker.drain();
    const toVictim = h.twilio.messages.filter((m) => m.to === VICTIM).slice(before);
    expect(toVictim).toHaveLength(1);
    expect(toVictim[0]!.body).toContain("Real shopper");
    const answer = await smsFrom(VICTIM, "DONE");
    expect(await answer.text()).toContain("marked done");
    const evilRequests = await (await ownerRequest(h, attacker, "GET", "/api/admin/sites/evil-two/requests")).json();
    expect(evilRequests.requests.every((r: { status: string }) => r.status === "new")).toBe(true);
  });

  it("allows 5 tries within 10 minutes, and one account per number", async () => {
    h = await createHarness();
    const a = await ownerOf("a@shop.example", "a-shop");
    const b = await ownerOf("b@shop.example", "b-shop");
    const first = await (await ownerRequest(h, a, "POST", "/api/admin/sites/a-shop/alert-phone", { phone: VICTIM })).json();
    const right = codeSentTo(VICTIM);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const res = await ownerRequest(h, a, "POST", `/api/admin/phone-codes/${first.code.id}/confirm`, { code: wrong });
      expect(res.status).toBe(400);
    }
    expect((await ownerRequest(h, a, "POST", `/api/admin/phone-codes/${first.code.id}/confirm`, { code: right })).status).toBe(429);

    const second = await (await ownerRequest(h, a, "POST", "/api/admin/sites/a-shop/alert-phone", { phone: VICTIM })).json();
    h.clock.advance(10 * 60_000 + 1000);
    expect((await ownerRequest(h, a, "POST", `/api/admin/phone-codes/${second.code.id}/confirm`, { code: codeSentTo(VICTIM) })).status).toBe(410);

    const third = await (await ownerRequest(h, a, "POST", "/api/admin/sites/a-shop/alert-phone", { phone: VICTIM })).json();
    expect((await ownerRequest(h, a, "POST", `/api/admin/phone-codes/${third.code.id}/confirm`, { code: codeSentTo(VICTIM) })).status).toBe(200);
    // A second site of the same account takes the proved number at once; another account cannot have it.
    await createOwner(h, { email: "a2@shop.example", siteKey: "unused" });
    await h.database.client.execute(`INSERT INTO site_members (site_id, user_id, role) SELECT id, ${a.userId}, 'owner' FROM sites WHERE key = 'unused'`);
    expect(await (await ownerRequest(h, a, "POST", "/api/admin/sites/unused/alert-phone", { phone: VICTIM })).json()).toEqual({ verified: true, phone: VICTIM });
    // Three codes an hour per number at most: nobody can flood a phone with codes.
    expect((await ownerRequest(h, b, "POST", "/api/admin/sites/b-shop/alert-phone", { phone: VICTIM })).status).toBe(429);
    h.clock.advance(60 * 60_000);
    const other = await (await ownerRequest(h, b, "POST", "/api/admin/sites/b-shop/alert-phone", { phone: VICTIM })).json();
    const taken = await ownerRequest(h, b, "POST", `/api/admin/phone-codes/${other.code.id}/confirm`, { code: codeSentTo(VICTIM) });
    expect(taken.status).toBe(409);
  });

  it("routes a number's reply by the last alert sent to that number, within its own account", async () => {
    h = await createHarness();
    const owner = await ownerOf("owner@shop.example", "one");
    await createOwner(h, { email: "x@shop.example", siteKey: "two" });
    await h.database.client.execute(`INSERT INTO site_members (site_id, user_id, role) SELECT id, ${owner.userId}, 'owner' FROM sites WHERE key = 'two'`);
    await h.database.client.execute(`UPDATE sites SET settings = json_set(settings, '$.allowedOrigins', json_array('${PUBLIC_URL}'))`);
    const started = await (await ownerRequest(h, owner, "POST", "/api/admin/sites/one/alert-phone", { phone: VICTIM })).json();
    await ownerRequest(h, owner, "POST", `/api/admin/phone-codes/${started.code.id}/confirm`, { code: codeSentTo(VICTIM) });
    await ownerRequest(h, owner, "POST", "/api/admin/sites/two/alert-phone", { phone: VICTIM });
    const one = await (await post(h, "/api/v1/sites/one/callbacks", callback("Ann"))).json();
    await h.worker.drain();
    await post(h, "/api/v1/sites/two/callbacks", callback("Bo"));
    await h.worker.drain();
    expect(h.twilio.messages.filter((m) => m.to === VICTIM && /Ann|Bo/.test(m.body))).toHaveLength(2);
    expect(await (await smsFrom(VICTIM, "DONE")).text()).toContain("(Bo) marked done");
    const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${one.id}`)).json();
    expect(detail.request.status).toBe("new");
    // An unproved number is not trusted at all.
    expect((await smsFrom("+14155550166", "DONE")).status).toBe(403);
  });

  it("lets a member opt in to alerts on their own proved number", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id, canCreateSites: true });
    const { userId } = await createOwner(h, { email: "sam@shop.example", siteKey: "sams" });
    await h.database.client.execute(`INSERT INTO site_members (site_id, user_id, role) VALUES (${h.site.id}, ${userId}, 'member')`);
    const sam = await signIn(h, "sam@shop.example");
    const started = await (await ownerRequest(h, sam, "POST", "/api/admin/sites/shop/my-alerts", { phone: MEMBER })).json();
    expect((await ownerRequest(h, sam, "POST", `/api/admin/phone-codes/${started.code.id}/confirm`, { code: codeSentTo(MEMBER) })).status).toBe(200);
    expect((await (await ownerRequest(h, sam, "GET", "/api/admin/sites/shop/members")).json()).myAlertPhone).toBe(MEMBER);
    await post(h, "/api/v1/sites/shop/callbacks", callback("Cleo"));
    await h.worker.drain();
    expect(h.twilio.messages.filter((m) => m.body.includes("Cleo")).map((m) => m.to).sort()).toEqual([OWNER_PHONE, MEMBER].sort());
    // The member's reply acts as the member, on this site.
    expect(await (await smsFrom(MEMBER, "DONE")).text()).toContain("(Cleo) marked done");
    await ownerRequest(h, sam, "DELETE", "/api/admin/sites/shop/my-alerts");
    await post(h, "/api/v1/sites/shop/callbacks", callback("Dora"));
    await h.worker.drain();
    expect(h.twilio.messages.filter((m) => m.body.includes("Dora")).map((m) => m.to)).toEqual([OWNER_PHONE]);
  });

  it("prints the code to the console when Twilio is not configured", async () => {
    h = await createHarness({ twilio: false });
    const owner = await ownerOf("owner@shop.example", "one");
    const started = await (await ownerRequest(h, owner, "POST", "/api/admin/sites/one/alert-phone", { phone: VICTIM })).json();
    expect(started.code.delivery).toBe("console");
    const code = /Beckon code: (\d{6})/.exec(h.log.lines.join("\n"))![1];
    expect((await ownerRequest(h, owner, "POST", `/api/admin/phone-codes/${started.code.id}/confirm`, { code })).status).toBe(200);
  });

  it("stops alerts to numbers stored before they had to be proved, keeping OWNER_PHONE and proved ones", async () => {
    h = await createHarness();
    const owner = await ownerOf("owner@shop.example", "legacy");
    await ownerOf("other@shop.example", "proved");
    const started = await (await ownerRequest(h, owner, "POST", "/api/admin/sites/legacy/alert-phone", { phone: VICTIM })).json();
    await ownerRequest(h, owner, "POST", `/api/admin/phone-codes/${started.code.id}/confirm`, { code: codeSentTo(VICTIM) });
    await h.database.client.execute(`UPDATE sites SET owner_phone = '${VICTIM}' WHERE key = 'proved'`);
    await h.database.client.execute(`INSERT INTO sites (key, name, owner_phone) VALUES ('old', 'Old', '+14155550111')`);
    // "proved" belongs to another account than the one that proved VICTIM; "old" was never proved.
    expect(await forgetUnprovedAlertPhones(h.db, OWNER_PHONE, h.log)).toBe(2);
    const phones = await h.database.client.execute("SELECT key, owner_phone FROM sites ORDER BY key");
    expect(Object.fromEntries(phones.rows.map((r) => [r.key, r.owner_phone]))).toEqual({ legacy: VICTIM, old: null, proved: null, shop: OWNER_PHONE });
  });
});
