import { afterEach, describe, expect, it, vi } from "vitest";
import { signLink } from "../callbacks/shopper-links.ts";
import { createHarness, LINK_SECRET, OWNER_PHONE, post, postFromTwilio, type Harness } from "../../test/harness.ts";
import { createOwner } from "../../test/owner.ts";
import { inboxEvents } from "../../test/events.ts";

let h: Harness;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";
let sids = 0;
const ownerSms = (body: string) => postFromTwilio(h, "/webhooks/twilio/sms", { From: OWNER_PHONE, To: "+14155550199", Body: body, MessageSid: `SMpipe${++sids}` });

describe("one change pipeline", () => {
  it("an owner's SMS answer in a chat tells the inbox once", async () => {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ownerFirstName: "Mara" } });
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const { id } = await (await post(h, "/api/v1/sites/shop/chats", { token, message: "Is the blue vase in stock?" })).json();
    await h.worker.drain(); // the alert is sent, so the owner's SMS answers this chat
    const before = await inboxEvents(h, id);
    expect(await (await ownerSms("Yes, two left.")).text()).toContain("sent to #1");
    expect((await inboxEvents(h, id)) - before).toBe(1);
  });

  it("a shopper's reschedule wakes the outbox: the owner's SMS does not wait for the next poll", async () => {
    h = await createHarness({ settings: { shopperSms: { enabled: true, dailyCap: 20, countries: [] } }, outboxPollMs: 10 * 60_000 });
    const { id } = await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Jane Doe", phone: "+14155550123", consent: true, when: "2026-11-23T19:00:00Z" })).json();
    await h.worker.drain();
    h.worker.start();
    await vi.waitFor(() => expect(h.worker.lastTicks().sms).toBeDefined());
    await new Promise((r) => setTimeout(r, 50)); // the lanes' first pass found nothing and went to sleep for ten minutes
    const moved = await h.app.request(`/c/${signLink(LINK_SECRET, id)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "reschedule", slot: "2026-11-24T15:00:00.000Z" }).toString(),
    });
    expect(await moved.text()).toContain("will call you at the new time");
    await vi.waitFor(() => expect(h.twilio.messages.map((m) => m.body)).toContain("Beckon: Jane Doe moved call-back #1 to Tue 24 Nov 10:00."), { timeout: 5000 });
    expect(await inboxEvents(h, id)).toBe(1);
  });
});
