import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { chatMessages, outbox } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, post, postFromTwilio, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { sseText } from "../../test/sse-text.ts";

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";
const base = "/api/v1/sites/shop/chats";

async function setUp() {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ownerFirstName: "Mara" } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  owner = await signIn(h, "mara@fern.example");
}
const start = (body: Record<string, unknown> = {}) => post(h, base, { token, message: "Hi, is the blue vase in stock?", ...body });
const say = (id: string, message: string, clientId?: string) => post(h, `${base}/${id}/messages`, { token, message, clientId });
const alerts = () => h.twilio.messages.filter((m) => m.to === OWNER_PHONE);

describe("live chat", () => {
  it("starts a chat that the owner is texted about once, even when the start is retried", async () => {
    await setUp();
    const res = await start({ name: "Jane Doe" });
    expect(res.status).toBe(201);
    const chat = await res.json();
    expect(chat).toMatchObject({ ref: "1", status: "new", messages: [{ author: "shopper", body: "Hi, is the blue vase in stock?" }] });
    const again = await (await start({ name: "Jane Doe" })).json();
    expect(again.id).toBe(chat.id);
    await h.worker.drain();
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]!.body).toMatch(/^Chat #1 from Jane Doe\n/);
    expect(alerts()[0]!.body).toContain("blue vase");

    const inbox = await (await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/requests?kind=chat")).json();
    expect(inbox.requests.map((r: { id: string }) => r.id)).toEqual([chat.id]);
  });

  it("texts again only after the owner has been quiet for a while, never once per line", async () => {
    await setUp();
    const { id } = await (await start()).json();
    await say(id, "Also, do you ship to Canada?");
    await say(id, "Hello?");
    await h.worker.drain();
    expect(alerts()).toHaveLength(1);
    h.clock.advance(11 * 60_000);
    await say(id, "Anyone there?");
    await h.worker.drain();
    expect(alerts()).toHaveLength(2);
    expect(alerts()[1]!.body).toMatch(/^Chat #1: A visitor wrote again/);
    // A retried line (same clientId) is stored once.
    await say(id, "Once only", "line-0001");
    await say(id, "Once only", "line-0001");
    expect((await h.db.select().from(chatMessages).where(eq(chatMessages.body, "Once only"))).length).toBe(1);
  });

  it("delivers the owner's answer live to the shopper's stream, and replays it after a reconnect", async () => {
    await setUp();
    const { id } = await (await start()).json();
    const stream = sseText(await h.app.request(`${base}/${id}/events?token=${token}`, { headers: { Origin: PUBLIC_URL } }));
    await stream.until((t) => t.includes("event: ready"));
    const answer = await ownerRequest(h, owner, "POST", `/api/admin/requests/${id}/messages`, { text: "Yes, two left!" });
    expect(answer.status).toBe(201);
    const text = await stream.until((t) => t.includes("Yes, two left!"));
    expect(text).toMatch(/event: message\ndata: \{[^\n]*"author":"owner"[^\n]*"by":"Mara"/);
    await stream.cancel();

    await ownerRequest(h, owner, "POST", `/api/admin/requests/${id}/messages`, { text: "Shall I hold one?" });
    const lastId = /id: (\d+)\n\n[^]*$/.exec(text)?.[1];
    const resumed = sseText(await h.app.request(`${base}/${id}/events?token=${token}`, { headers: { "Last-Event-ID": lastId! } }));
    const replay = await resumed.until((t) => t.includes("Shall I hold one?"));
    expect(replay).not.toContain("Yes, two left!");
    await resumed.cancel();

    const transcript = await (await h.app.request(`${base}/${id}?token=${token}`)).json();
    expect(transcript.messages.map((m: { body: string }) => m.body)).toEqual(["Hi, is the blue vase in stock?", "Yes, two left!", "Shall I hold one?"]);
    const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${id}`)).json();
    expect(detail.chat.messages).toHaveLength(3);
    expect(detail.request.status).toBe("in_progress");
  });

  it("reaches a shopper streaming from another server process on the same database", async () => {
    await setUp();
    const { id } = await (await start()).json();
    const other = await h.secondProcess();
    const stream = sseText(await other.request(`${base}/${id}/events?token=${token}`, { headers: { Origin: PUBLIC_URL } }));
    await stream.until((t) => t.includes("event: ready"));
    await ownerRequest(h, owner, "POST", `/api/admin/requests/${id}/messages`, { text: "Answered from process A" });
    expect(await stream.until((t) => t.includes("Answered from process A"))).toContain('"author":"owner"');
    await stream.cancel();
  });

  it("puts an SMS reply led by #ref into that chat, not the one last alerted about", async () => {
    await setUp();
    const first = await (await start({ name: "Ann" })).json();
    const second = await (await post(h, base, { token: "second-token-0123456789abcdefghijklmn", message: "Me too", name: "Bo" })).json();
    await h.worker.drain();
    const res = await postFromTwilio(h, "/webhooks/twilio/sms", { From: OWNER_PHONE, To: "+14155550199", Body: `#${first.ref} Yes, Ann, it is.` });
    expect(await res.text()).toContain(`sent to #${first.ref} (Ann)`);
    const ann = await (await h.app.request(`${base}/${first.id}?token=${token}`)).json();
    expect(ann.messages.at(-1)).toMatchObject({ author: "owner", body: "Yes, Ann, it is." });
    const bo = await (await h.app.request(`${base}/${second.id}?token=second-token-0123456789abcdefghijklmn`)).json();
    expect(bo.messages.map((m: { author: string }) => m.author)).toEqual(["shopper"]);
  });

  it("puts the owner's SMS reply into the chat they were alerted about", async () => {
    await setUp();
    const { id } = await (await start({ name: "Jane" })).json();
    await h.worker.drain();
    const res = await postFromTwilio(h, "/webhooks/twilio/sms", { From: OWNER_PHONE, To: "+14155550199", Body: "Yes! Come by after 3." });
    expect(await res.text()).toContain("sent to #1 (Jane)");
    const transcript = await (await h.app.request(`${base}/${id}?token=${token}`)).json();
    expect(transcript.messages.at(-1)).toMatchObject({ author: "owner", body: "Yes! Come by after 3.", by: "Mara" });
  });

  it("emails an answer the shopper has not seen after two minutes, and skips one they saw", async () => {
    await setUp();
    const { id } = await (await start({ email: "jane@example.com" })).json();
    const first = await (await ownerRequest(h, owner, "POST", `/api/admin/requests/${id}/messages`, { text: "Seen live" })).json();
    await post(h, `${base}/${id}/seen`, { token, upTo: first.message.id });
    await ownerRequest(h, owner, "POST", `/api/admin/requests/${id}/messages`, { text: "Sent while you were away" });
    await h.worker.drain();
    expect(h.smtp.mails.filter((m) => m.to.includes("jane@example.com"))).toHaveLength(0); // not yet: two minutes

    h.clock.advance(2 * 60_000 + 1);
    await h.worker.drain();
    const mails = h.smtp.mails.filter((m) => m.to.includes("jane@example.com"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.text).toContain("Sent while you were away");
    const rows = await h.db.select().from(outbox).where(eq(outbox.kind, "chat_reply"));
    expect(rows.map((r) => r.status).sort()).toEqual(["sent", "skipped"]);
  });

  it("answers 404 for a wrong token or another site's chat, and 403 where chat is off", async () => {
    await setUp();
    const { id } = await (await start()).json();
    expect((await h.app.request(`${base}/${id}?token=${"x".repeat(40)}`)).status).toBe(404);
    expect((await post(h, `${base}/${id}/messages`, { token: "y".repeat(40), message: "hi" })).status).toBe(404);
    await h.close();
    h = await createHarness();
    const off = await post(h, base, { token, message: "hi" });
    expect(off.status).toBe(403);
    expect(await off.json()).toMatchObject({ error: { code: "chat_disabled" } });
  });

  it("offers chat as live only while the inbox is open", async () => {
    await setUp();
    const config = async () => (await (await h.app.request("/api/v1/sites/shop/config")).json()).availability.chatLive;
    expect(await config()).toBe(false);
    const inbox = sseText(await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/events"));
    await inbox.until((t) => t.includes("event: ready"));
    expect(await config()).toBe(true);
    await inbox.cancel();
    h.clock.advance(2 * 60_000);
    expect(await config()).toBe(false);
  });
});
