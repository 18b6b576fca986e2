import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, postFromTwilio, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

async function setUp(opts: Parameters<typeof createHarness>[0] = {}) {
  h = await createHarness(opts);
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  s = await signIn(h, "owner@shop.example");
}
const submit = async () => (await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Jane Doe", phone: "+14155550123", when: "asap" })).json()).id as string;
const detail = async (id: string) => (await ownerRequest(h, s, "GET", `/api/admin/requests/${id}`)).json();

describe("Retry now", () => {
  it("re-queues a failed notification, which is then sent once; only failed ones can be retried", async () => {
    await setUp();
    h.twilio.failNext(400);
    const id = await submit();
    await h.worker.drain();
    const [failed] = (await detail(id)).notifications;
    expect(failed).toMatchObject({ status: "failed", lastError: "Twilio refused the message (HTTP 400, error 20500)." });

    const res = await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/notifications/${failed.id}/retry`);
    expect(res.status).toBe(200);
    expect((await res.json()).notifications[0]).toMatchObject({ status: "pending", lastError: null });
    expect(h.wakes).toBeGreaterThan(0);
    await h.worker.drain();
    expect(h.twilio.messages).toHaveLength(1);
    expect((await detail(id)).notifications[0]).toMatchObject({ status: "sent", attempts: 2 });

    const again = await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/notifications/${failed.id}/retry`);
    expect(again.status).toBe(409);
    const other = await createOwner(h, { email: "other@shop.example", siteKey: "other" });
    expect(other.siteId).not.toBe(h.site.id);
    const stranger = await signIn(h, "other@shop.example");
    const foreign = await ownerRequest(h, stranger, "POST", `/api/admin/requests/${id}/notifications/${failed.id}/retry`);
    expect(foreign.status).toBe(404);
  });

  it("re-sends an SMS Twilio accepted and then reported undelivered", async () => {
    await setUp();
    const id = await submit();
    await h.worker.drain();
    const [sent] = (await detail(id)).notifications;
    await postFromTwilio(h, "/webhooks/twilio/status", { MessageSid: sent.providerId, MessageStatus: "undelivered", ErrorCode: "30003" });
    expect((await detail(id)).notifications[0]).toMatchObject({ status: "sent", providerStatus: "undelivered" });
    expect((await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/notifications/${sent.id}/retry`)).status).toBe(200);
    await h.worker.drain();
    expect(h.twilio.messages).toHaveLength(2);
    expect((await detail(id)).notifications[0]).toMatchObject({ status: "sent", providerStatus: "queued", lastError: null });
  });

  it("shows when a pending notification will be tried again", async () => {
    await setUp();
    h.twilio.failNext(503);
    const id = await submit();
    await h.worker.drain();
    const [pending] = (await detail(id)).notifications;
    expect(pending).toMatchObject({ status: "pending", lastError: "Twilio had a problem on its side (HTTP 503)." });
    expect(new Date(pending.nextAttemptAt).getTime()).toBeGreaterThan(h.clock.now().getTime());
  });
});

describe("Call now capability", () => {
  it("says calling is ready only when voice is configured, and what is missing otherwise", async () => {
    await setUp();
    const id = await submit();
    expect((await detail(id)).calling).toEqual({ ready: true });
    await h.close();
    await setUp({ twilio: false });
    const other = await submit();
    const { calling } = await detail(other);
    expect(calling).toMatchObject({ ready: false, readmeSection: "Calling shoppers back (Twilio voice)" });
    expect(calling.missing).not.toMatch(/TWILIO_/);
    const res = await ownerRequest(h, s, "POST", `/api/admin/requests/${other}/call`);
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).not.toMatch(/TWILIO_/);
  });
});
