import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox, pushKeys, pushSubscriptions, verifiedPhones } from "../../db/schema.ts";
import { createHarness, OWNER_PHONE, post, PUBLIC_URL, type Harness } from "../../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../../test/owner.ts";
import { makeDevice, startPushDouble, verifyVapid } from "../../../test/push-double.ts";

const jane = { name: "Jane Doe", phone: "(415) 555-0123", when: "asap", note: "Question about order 1234" };
const FIVE_MIN = 5 * 60_000;

let h: Harness;
let double: Awaited<ReturnType<typeof startPushDouble>>;
let owner: OwnerSession;

beforeEach(async () => {
  h = await createHarness();
  double = await startPushDouble();
  const { userId } = await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  // The site's alert number is this owner's own proved number: its SMS is their fallback.
  await h.db.insert(verifiedPhones).values({ phone: OWNER_PHONE, userId, verifiedAt: h.clock.now() });
  owner = await signIn(h, "owner@shop.example");
});
afterEach(async () => {
  await h.close();
  await double.close();
});

const ownerSms = () => h.twilio.messages.filter((m) => m.to === OWNER_PHONE);
async function callBack(): Promise<string> {
  const res = await post(h, "/api/v1/sites/shop/callbacks", jane);
  expect(res.status).toBe(201);
  return (await res.json()).id;
}
async function subscribeDevice(name = "phone") {
  const device = makeDevice(double.endpoint(name));
  const res = await ownerRequest(h, owner, "POST", "/api/admin/push/subscriptions", { subscription: device.subscription, label: "Pixel" });
  expect(res.status).toBe(201);
  return device;
}

describe("VAPID keys", () => {
  it("are made once, kept in the database and served to the owner app", async () => {
    const first = await (await ownerRequest(h, owner, "GET", "/api/admin/push/key")).json();
    const again = await (await ownerRequest(h, owner, "GET", "/api/admin/push/key")).json();
    const stored = await h.db.select().from(pushKeys);
    expect(stored).toHaveLength(1);
    expect(first.publicKey).toBe(stored[0]!.publicKey);
    expect(again.publicKey).toBe(first.publicKey);
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    expect(JSON.stringify(first)).not.toContain(stored[0]!.privateKey);
  });
});

describe("push subscriptions", () => {
  it("keeps one row per endpoint, lists this person's devices, and forgets one on DELETE", async () => {
    const device = await subscribeDevice();
    await ownerRequest(h, owner, "POST", "/api/admin/push/subscriptions", { subscription: device.subscription, label: "Pixel 8" });
    const { devices } = await (await ownerRequest(h, owner, "GET", "/api/admin/push/subscriptions")).json();
    expect(devices).toEqual([expect.objectContaining({ label: "Pixel 8", endpoint: device.subscription.endpoint })]);
    expect(JSON.stringify(devices)).not.toContain(device.subscription.keys.auth);
    expect((await ownerRequest(h, owner, "DELETE", "/api/admin/push/subscriptions", { endpoint: device.subscription.endpoint })).status).toBe(204);
    expect((await (await ownerRequest(h, owner, "GET", "/api/admin/push/subscriptions")).json()).devices).toEqual([]);
  });

  it("refuses an endpoint that is not https (or loopback http), and strangers", async () => {
    const device = makeDevice("http://push.example/x");
    const res = await ownerRequest(h, owner, "POST", "/api/admin/push/subscriptions", { subscription: device.subscription });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty(["subscription.endpoint"]);
    const anonymous = await h.app.request("/api/admin/push/subscriptions", { method: "POST", headers: { "Content-Type": "application/json", Origin: PUBLIC_URL }, body: JSON.stringify({ subscription: makeDevice(double.endpoint("x")).subscription }) });
    expect(anonymous.status).toBe(401);
  });
});

describe("a new call-back with a subscribed device", () => {
  it("pushes a signed, encrypted notification naming the request, and holds the SMS as the fallback", async () => {
    const device = await subscribeDevice();
    const id = await callBack();
    await h.worker.drain();

    expect(double.received).toHaveLength(1);
    const push = double.received[0]!;
    const { publicKey } = await (await ownerRequest(h, owner, "GET", "/api/admin/push/key")).json();
    const { header, claims } = verifyVapid(push.headers.authorization, publicKey);
    expect(header.alg).toBe("ES256");
    expect(claims.aud).toBe(double.origin);
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(claims.sub).toMatch(/^mailto:/);
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(push.headers.urgency).toBe("high");
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    const payload = device.decrypt(push.body) as Record<string, string>;
    expect(payload).toMatchObject({ url: `/admin/requests/${id}`, requestId: id, pushId: expect.any(String) });
    expect(payload.title).toContain("Jane Doe");

    // No SMS yet: it waits five minutes for the push to be acknowledged.
    expect(ownerSms()).toHaveLength(0);
    const [held] = await h.db.select().from(outbox).where(and(eq(outbox.channel, "sms"), eq(outbox.requestId, id)));
    expect(held!.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + FIVE_MIN);
  });

  it("sends the fallback SMS when nobody acknowledges the push within five minutes", async () => {
    await subscribeDevice();
    await callBack();
    await h.worker.drain();
    h.clock.advance(FIVE_MIN - 1000);
    await h.worker.drain();
    expect(ownerSms()).toHaveLength(0);
    h.clock.advance(1000);
    await h.worker.drain();
    expect(ownerSms()).toHaveLength(1);
    expect(ownerSms()[0]!.body).toContain("Jane Doe");
  });

  it("skips the SMS when the push is acknowledged in time (by pushId, or by opening the request)", async () => {
    const device = await subscribeDevice();
    await callBack();
    await h.worker.drain();
    const { pushId } = device.decrypt(double.received[0]!.body) as { pushId: string };
    // The service worker's click: no CSRF token, the push id is the proof.
    const ack = await post(h, "/api/admin/push/ack", { pushId });
    expect(await ack.json()).toEqual({ acknowledged: 1 });

    const second = await callBack();
    await h.worker.drain();
    expect(double.received).toHaveLength(2);
    // By request id (the app opened the request): only with the session and its CSRF token.
    expect((await post(h, "/api/admin/push/ack", { requestId: second })).status).toBe(401);
    expect((await ownerRequest(h, owner, "POST", "/api/admin/push/ack", { requestId: second })).status).toBe(200);

    h.clock.advance(FIVE_MIN);
    await h.worker.drain();
    expect(ownerSms()).toHaveLength(0);
    const skipped = await h.db.select().from(outbox).where(and(eq(outbox.channel, "sms"), eq(outbox.status, "skipped")));
    expect(skipped).toHaveLength(2);
    expect(skipped[0]!.lastError).toMatch(/push notification was seen/);
  });

  it("removes a subscription the push service calls gone (410), records the item, never retries it, and the SMS still goes", async () => {
    const device = await subscribeDevice();
    double.expire(device.subscription.endpoint);
    await callBack();
    await h.worker.drain();
    expect(double.received.map((r) => r.answered)).toEqual([410]);
    expect(await h.db.select().from(pushSubscriptions)).toEqual([]);
    const [item] = await h.db.select().from(outbox).where(eq(outbox.channel, "push"));
    expect(item).toMatchObject({ status: "failed", attempts: 1 });
    expect(item!.lastError).toMatch(/no longer takes notifications \(HTTP 410\)/);

    h.clock.advance(FIVE_MIN);
    await h.worker.drain();
    h.clock.advance(60 * 60_000);
    await h.worker.drain();
    expect(double.received).toHaveLength(1);
    expect(ownerSms()).toHaveLength(1);
  });
});

describe("alert preferences", () => {
  it("sends the SMS at once with no device subscribed, as before", async () => {
    await callBack();
    await h.worker.drain();
    expect(ownerSms()).toHaveLength(1);
    expect(double.received).toHaveLength(0);
  });

  it("via sms: no push; via both: push and SMS at once", async () => {
    await subscribeDevice();
    const put = (via: string) => ownerRequest(h, owner, "PUT", "/api/admin/sites/shop/alert-prefs", { via, quiet: null });
    expect((await (await put("sms")).json()).prefs).toEqual({ via: "sms", quiet: null });
    await callBack();
    await h.worker.drain();
    expect([double.received.length, ownerSms().length]).toEqual([0, 1]);
    await put("both");
    await callBack();
    await h.worker.drain();
    expect([double.received.length, ownerSms().length]).toEqual([1, 2]);
  });

  it("holds alerts during quiet hours until they end (in the site's zone), without dropping them", async () => {
    await subscribeDevice();
    // 15:00 UTC is 10:00 in New York: quiet from 09:00 to 11:30 local.
    const res = await ownerRequest(h, owner, "PUT", "/api/admin/sites/shop/alert-prefs", { via: "push", quiet: { from: "09:00", to: "11:30" } });
    expect((await res.json()).prefs.quiet).toEqual({ from: "09:00", to: "11:30" });
    await callBack();
    await h.worker.drain();
    expect(double.received).toHaveLength(0);
    h.clock.set("2026-11-23T16:30:00Z"); // 11:30 in New York
    await h.worker.drain();
    expect(double.received).toHaveLength(1);
    expect(ownerSms()).toHaveLength(0);
    h.clock.advance(FIVE_MIN);
    await h.worker.drain();
    expect(ownerSms()).toHaveLength(1);
  });

  it("rejects a bad time", async () => {
    const res = await ownerRequest(h, owner, "PUT", "/api/admin/sites/shop/alert-prefs", { via: "push", quiet: { from: "25:00", to: "07:00" } });
    expect(res.status).toBe(400);
  });
});
