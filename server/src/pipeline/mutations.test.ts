import { afterEach, describe, expect, it } from "vitest";
import { signLink } from "../callbacks/shopper-links.ts";
import { createHarness, LINK_SECRET, OWNER_PHONE, post, postFromTwilio, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { inboxEvents } from "../../test/events.ts";

let h: Harness;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";
type Ids = { callback: string; message: string; chat: string };
type World = { h: Harness; owner: OwnerSession; ids: Ids };
const form = (body: Record<string, string>) => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body).toString() });
let sids = 0;
const ownerSms = (w: World, body: string) => postFromTwilio(w.h, "/webhooks/twilio/sms", { From: OWNER_PHONE, To: "+14155550199", Body: body, MessageSid: `SMtable${++sids}` });

/** Each way a request changes after it arrived: the request it changes, and how. */
const changes: { name: string; of: keyof Ids; act: (w: World, id: string) => Response | Promise<Response> }[] = [
  { name: "owner changes the status", of: "callback", act: (w, id) => ownerRequest(w.h, w.owner, "PATCH", `/api/admin/requests/${id}`, { status: "in_progress" }) },
  { name: "owner adds a note", of: "callback", act: (w, id) => ownerRequest(w.h, w.owner, "POST", `/api/admin/requests/${id}/notes`, { text: "Rang, no answer." }) },
  { name: "owner emails a reply", of: "message", act: (w, id) => ownerRequest(w.h, w.owner, "POST", `/api/admin/requests/${id}/replies`, { text: "Yes, we do." }) },
  { name: "owner answers in the chat", of: "chat", act: (w, id) => ownerRequest(w.h, w.owner, "POST", `/api/admin/requests/${id}/messages`, { text: "Two left." }) },
  { name: "owner marks as spam", of: "message", act: (w, id) => ownerRequest(w.h, w.owner, "POST", `/api/admin/requests/${id}/spam`) },
  { name: "owner starts a call", of: "callback", act: (w, id) => ownerRequest(w.h, w.owner, "POST", `/api/admin/requests/${id}/call`) },
  { name: "owner texts a note", of: "callback", act: (w) => ownerSms(w, "#1 Rang, no answer.") },
  { name: "owner texts DONE", of: "callback", act: (w) => ownerSms(w, "DONE #1") },
  { name: "owner texts a chat answer", of: "chat", act: (w) => ownerSms(w, "Two left.") },
  { name: "Twilio reports the alert delivered", of: "chat", act: (w) => postFromTwilio(w.h, "/webhooks/twilio/status", { MessageSid: w.h.twilio.messages.at(-1)!.sid, MessageStatus: "delivered" }) },
  { name: "Twilio reports a call leg", of: "callback", act: (w, id) => postFromTwilio(w.h, `/webhooks/twilio/voice/status?request=${id}&leg=shopper`, { CallSid: "CA1", CallStatus: "completed", CallDuration: "30" }) },
  { name: "shopper cancels from the link", of: "callback", act: (w, id) => w.h.app.request(`/c/${signLink(LINK_SECRET, id)}`, form({ action: "cancel" })) },
  { name: "shopper moves the call", of: "callback", act: (w, id) => w.h.app.request(`/c/${signLink(LINK_SECRET, id)}`, form({ action: "reschedule", slot: "2026-11-24T15:00:00.000Z" })) },
  { name: "shopper writes again in the chat", of: "chat", act: (w, id) => post(w.h, `/api/v1/sites/shop/chats/${id}/messages`, { token, message: "Still there?" }) },
  { name: "shopper leaves an email in the chat", of: "chat", act: (w, id) => post(w.h, `/api/v1/sites/shop/chats/${id}/email`, { token, email: "jo@example.com" }) },
];

async function world(): Promise<World> {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ownerFirstName: "Mara", shopperSms: { enabled: true, dailyCap: 20, countries: [] } } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  const owner = await signIn(h, "mara@fern.example");
  const callback = (await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Ann", phone: "+14155550123", consent: true, when: "2026-11-23T19:00:00Z" })).json()).id;
  const message = (await (await post(h, "/api/v1/sites/shop/messages", { name: "Bo", email: "bo@example.com", message: "Do you ship to Canada?" })).json()).id;
  const chat = (await (await post(h, "/api/v1/sites/shop/chats", { token, message: "Is the blue vase in stock?" })).json()).id;
  await h.worker.drain(); // alerts sent: the owner's texts answer the latest (the chat), delivery reports find them
  return { h, owner, ids: { callback, message, chat } };
}

describe("every change publishes exactly one event and wakes once", () => {
  it("each submission announces its request once", async () => {
    const w = await world();
    for (const id of Object.values(w.ids)) expect(await inboxEvents(h, id, "request.created")).toBe(1);
  });

  it.each(changes)("$name", async ({ of, act }) => {
    const w = await world();
    const id = w.ids[of];
    const [events, wakes] = [await inboxEvents(h, id), h.wakes];
    const res = await act(w, id);
    expect(res.status).toBeLessThan(300);
    expect((await inboxEvents(h, id)) - events).toBe(1);
    expect(h.wakes - wakes).toBe(1);
  });
});
