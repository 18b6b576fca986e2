import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outbox, webhookEndpoints } from "../db/schema.ts";
import { createHarness, post, postFromTwilio, type Harness } from "../../test/harness.ts";
import { createMember, createOwner, ownerRequest, signIn } from "../../test/owner.ts";
import { startWebhookReceiver } from "../../test/webhook-receiver.ts";
import { createOutboxWorker } from "../outbox/outbox-worker.ts";
import { createWebhookPost } from "../channels/webhook/http-post.ts";
import { verifySignature } from "../channels/webhook/signature.ts";
import { webhookRetryPolicy } from "../channels/webhook/webhook-channel.ts";
import { createChannels } from "../channels/channels.ts";

let h: Harness;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await h?.close();
});

const jane = { name: "Jane Doe", phone: "(415) 555-0123", when: "asap", note: "Question about order 1234" };

/** The outbox as the server runs it, with the webhook channel on a real HTTP client (private addresses allowed: the receiver is local). */
function webhookWorker(h: Harness) {
  // The webhook lane's own backoff, with the jitter pinned to its low end so the gaps can be checked.
  const retry = { ...webhookRetryPolicy, random: () => 0 };
  const webhooks = { retry, post: createWebhookPost({ policy: { allowPrivate: true }, timeoutMs: 5000, userAgent: "Beckon-Webhooks/1" }), publicUrl: "https://shop.example", mailFrom: { name: "Beckon", address: "beckon@shop.example" } };
  const channels = createChannels({ db: h.db, clock: h.clock, sms: undefined, email: undefined, webhooks, retry: { ...retry, baseMs: 1 } });
  return createOutboxWorker({ db: h.db, clock: h.clock, channels, pollMs: 20, log: h.log });
}

/** Waits for a webhook delivery to be queued (until the change pipeline lands, the inbox event is recorded just after the answer). */
async function queued(h: Harness) {
  for (let i = 0; i < 100; i++) {
    if ((await h.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.channel, "webhook"))).length) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("no webhook delivery was queued");
}

async function ownerWithEndpoint(events = ["request.created"], answer?: (n: number) => number) {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"] } });
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  const owner = await signIn(h, "owner@shop.example");
  const receiver = await startWebhookReceiver(answer);
  stops.push(receiver.close);
  const res = await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/webhooks", { url: receiver.url, events });
  expect(res.status).toBe(201);
  const created = await res.json();
  return { owner, receiver, endpoint: created.endpoint, secret: created.secret as string };
}

describe("outgoing webhooks", () => {
  it("delivers a signed request.created for a call-back; while the endpoint answers 500 it retries with backoff, then succeeds once", async () => {
    const { owner, receiver, secret, endpoint } = await ownerWithEndpoint(["request.created"], (n) => (n <= 2 ? 500 : 200));
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).not.toHaveProperty("secret");

    expect((await post(h, "/api/v1/sites/shop/callbacks", jane)).status).toBe(201);
    await queued(h);
    const worker = webhookWorker(h);
    const attemptsAt: number[] = [];
    for (let i = 0; i < 10 && !receiver.received.some((r) => r.answered === 200); i++) {
      const [row] = await h.db.select().from(outbox).where(eq(outbox.channel, "webhook"));
      if (row!.nextAttemptAt > h.clock.now()) h.clock.set(row!.nextAttemptAt.toISOString());
      attemptsAt.push(h.clock.now().getTime());
      await worker.drain();
    }
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    // The webhook backoff (jitter at its low end here): 15 s, then 30 s.
    const gaps = attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]!);
    expect(gaps).toEqual([15_000, 30_000]);

    const ids = new Set<string>();
    for (const r of receiver.received) {
      const header = String(r.headers["beckon-signature"]);
      const t = Number(/t=(\d+)/.exec(header)![1]);
      expect(verifySignature(secret, r.body, header, t)).toBe(true);
      expect(verifySignature("whsec_wrong", r.body, header, t)).toBe(false);
      const event = JSON.parse(r.body);
      ids.add(event.id);
      expect(event).toMatchObject({ type: "request.created", version: 1, data: { request: { kind: "callback", site: "shop", status: "new", fields: { name: "Jane Doe" } } } });
      expect(event.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(r.headers["beckon-event-id"]).toBe(event.id);
    }
    expect(ids.size).toBe(1); // every attempt carries the same event

    // Nothing more goes out once it succeeded.
    h.clock.advance(3600_000);
    await worker.drain();
    expect(receiver.received).toHaveLength(3);

    const log = await (await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/webhooks")).json();
    expect(log.deliveries).toMatchObject([{ type: "request.created", status: "sent", attempts: 3, answer: "HTTP 200" }]);

    // "Resend" sends the same event again, once.
    const resend = await ownerRequest(h, owner, "POST", `/api/admin/sites/shop/webhooks/deliveries/${log.deliveries[0].id}/resend`);
    expect(resend.status).toBe(202);
    await worker.drain();
    expect(receiver.received).toHaveLength(4);
    expect(JSON.parse(receiver.received[3]!.body).id).toBe([...ids][0]);
  });

  it("sends only the events an endpoint chose, and request.updated when the owner changes a request", async () => {
    const { owner, receiver } = await ownerWithEndpoint(["request.updated"]);
    const created = await (await post(h, "/api/v1/sites/shop/callbacks", jane)).json();
    const worker = webhookWorker(h);
    await worker.drain();
    expect(receiver.received).toHaveLength(0);
    expect((await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${created.id}`, { status: "done" })).status).toBe(200);
    await queued(h);
    await worker.drain();
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "request.updated", data: { request: { id: created.id, status: "done" } } });
  });

  it("sends chat.line for each line of a chat, and call.completed when a bridged call ends", async () => {
    const { receiver } = await ownerWithEndpoint(["chat.line", "call.completed"]);
    const chat = await (await post(h, "/api/v1/sites/shop/chats", { token: "shopper-token-0123456789abcdefghijklmnop", message: "Is the blue vase in stock?" })).json();
    const worker = webhookWorker(h);
    await worker.drain();
    const lines = receiver.received.map((r) => JSON.parse(r.body));
    expect(lines).toMatchObject([{ type: "chat.line", data: { requestId: chat.id, line: { author: "shopper", body: "Is the blue vase in stock?" } } }]);

    const callback = await (await post(h, "/api/v1/sites/shop/callbacks", jane)).json();
    const report = await postFromTwilio(h, `/webhooks/twilio/voice/status?request=${callback.id}&leg=shopper`, { CallSid: "CA1", CallStatus: "completed", CallDuration: "42" });
    expect(report.status).toBe(204);
    await worker.drain();
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ type: "call.completed", data: { requestId: callback.id, outcome: "called", duration: 42 } });
    expect(receiver.received).toHaveLength(2); // request.created was not chosen
  });

  it("turns an endpoint off after 3 days of failures and emails the owner", async () => {
    const { owner, receiver } = await ownerWithEndpoint(["request.created"], () => 503);
    await post(h, "/api/v1/sites/shop/callbacks", jane);
    await queued(h);
    const worker = webhookWorker(h);
    const start = h.clock.now().getTime();
    for (let i = 0; i < 200; i++) {
      const [endpoint] = await h.db.select().from(webhookEndpoints);
      if (endpoint!.disabledAt) break;
      const [row] = await h.db.select().from(outbox).where(eq(outbox.channel, "webhook"));
      h.clock.set(row!.nextAttemptAt.toISOString());
      await worker.drain();
    }
    const [endpoint] = await h.db.select().from(webhookEndpoints);
    expect(endpoint!.disabledAt).not.toBeNull();
    expect(endpoint!.disabledAt!.getTime() - start).toBeGreaterThanOrEqual(3 * 24 * 3600_000);
    const attempts = receiver.received.length;
    expect(attempts).toBeGreaterThan(10);
    // Off means off: the waiting delivery is recorded as not sent rather than tried again.
    const [row] = await h.db.select().from(outbox).where(eq(outbox.channel, "webhook"));
    if (row!.status === "pending") {
      h.clock.set(row!.nextAttemptAt.toISOString());
      await worker.drain();
    }
    expect(receiver.received).toHaveLength(attempts);
    const [mail] = await h.db.select().from(outbox).where(eq(outbox.kind, "webhook_disabled"));
    expect(mail).toMatchObject({ channel: "email", audience: "owner" });
    expect((mail!.payload as { subject: string }).subject).toContain(receiver.url);
    const view = await (await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/webhooks")).json();
    expect(view.endpoints[0]).toMatchObject({ enabled: false, disabledReason: "Every delivery failed for 3 days." });
    console.log(`webhook failing 3 days: ${attempts} attempts before it was turned off`);
  });

  it("is for owners only, at most 5 endpoints, and rotates the secret", async () => {
    const { owner, receiver, endpoint, secret } = await ownerWithEndpoint();
    await createMember(h, { email: "member@shop.example", siteId: h.site.id });
    const member = await signIn(h, "member@shop.example");
    expect((await ownerRequest(h, member, "GET", "/api/admin/sites/shop/webhooks")).status).toBe(403);
    expect((await ownerRequest(h, member, "POST", "/api/admin/sites/shop/webhooks", { url: receiver.url, events: ["request.created"] })).status).toBe(403);
    for (let i = 0; i < 4; i++) expect((await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/webhooks", { url: receiver.url, events: ["chat.line"] })).status).toBe(201);
    const sixth = await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/webhooks", { url: receiver.url, events: ["chat.line"] });
    expect(sixth.status).toBe(409);
    const rotated = await (await ownerRequest(h, owner, "POST", `/api/admin/sites/shop/webhooks/${endpoint.id}/secret`)).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    const list = await (await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/webhooks")).json();
    expect(JSON.stringify(list)).not.toContain("whsec_");
  });
});

describe("webhook addresses", () => {
  it("refuses plain http, loopback and private addresses unless ALLOW_PRIVATE_WEBHOOKS", async () => {
    h = await createHarness({ allowPrivateWebhooks: false });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const owner = await signIn(h, "owner@shop.example");
    for (const url of ["http://example.com/hook", "http://127.0.0.1:9/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest", "https://[::1]/hook", "https://[::ffff:192.168.0.1]/x", "not a url"]) {
      const res = await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/webhooks", { url, events: ["request.created"] });
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.fields.url, url).toBeTruthy();
    }
  });

  it("checks the address the socket connects to: a name that resolves to loopback is refused when sending", async () => {
    const receiver = await startWebhookReceiver();
    stops.push(receiver.close);
    const strict = createWebhookPost({ policy: { allowPrivate: false }, timeoutMs: 2000, userAgent: "t" });
    const viaName = receiver.url.replace("127.0.0.1", "localhost");
    await expect(strict(viaName, "{}", {})).rejects.toMatchObject({ code: "EPRIVATEADDRESS" });
    expect(receiver.received).toHaveLength(0);
    const relaxed = createWebhookPost({ policy: { allowPrivate: true }, timeoutMs: 2000, userAgent: "t" });
    await expect(relaxed(receiver.url, "{}", {})).resolves.toEqual({ status: 200 });
  });
});
