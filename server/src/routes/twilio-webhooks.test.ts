import twilio from "twilio";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outbox, requestEvents, requests } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, post, postFromTwilio, PUBLIC_URL, twilioCreds, type Harness } from "../../test/harness.ts";
import { createOwner } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

async function setUp() {
  h = await createHarness({ settings: { ownerFirstName: "Mara" } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
}

const fromTwilio = (path: string, params: Record<string, string>, opts: { signature?: string | null } = {}) => postFromTwilio(h, path, params, opts);
let sids = 0;
const ownerSms = (body: string, from = OWNER_PHONE, sid = `SM${Date.now()}x${++sids}`) => fromTwilio("/webhooks/twilio/sms", { From: from, To: "+14155550199", Body: body, MessageSid: sid });
const answerOf = async (res: Response) => /<Message>([\s\S]*)<\/Message>/.exec(await res.text())?.[1] ?? "";

async function submitCallback(name: string) {
  const { id } = await (await post(h, "/api/v1/sites/shop/callbacks", { name, phone: "+14155550123" })).json();
  await h.worker.drain();
  return id as string;
}
const timeline = (requestId: string) => h.db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId));

describe("POST /webhooks/twilio/sms: the owner answers from the phone", () => {
  it("emails the owner's SMS reply to the shopper, in the thread of the auto-reply", async () => {
    await setUp();
    const res = await post(h, "/api/v1/sites/shop/messages", { name: "Jane Doe", email: "jane@example.com", message: "Do you ship to Canada?" });
    const { id } = await res.json();
    await h.worker.drain();
    const autoreply = h.smtp.mails.find((m) => m.to.includes("jane@example.com"))!;

    const answer = await ownerSms("Yes, we ship to Canada: 5 to 8 days.");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/xml");
    expect(await answerOf(answer)).toContain("emailed to #1 (Jane Doe)");
    await h.worker.drain();

    const replies = h.smtp.mails.filter((m) => m.to.includes("jane@example.com"));
    expect(replies).toHaveLength(2);
    expect(replies[1]!.parsed.text).toContain("Yes, we ship to Canada");
    expect(replies[1]!.parsed.inReplyTo).toBe(autoreply.parsed.messageId);
    expect((await timeline(id)).map((e) => e.type)).toContain("reply");
  });

  it("answers the request named by #ref, not only the last alert, and DONE #ref closes it", async () => {
    await setUp();
    const first = await submitCallback("Ann");
    const second = await submitCallback("Bob");

    expect(await answerOf(await ownerSms("#1 Left her a voicemail"))).toContain("noted on #1 (Ann)");
    expect((await timeline(first)).find((e) => e.type === "note")?.data).toEqual({ text: "Left her a voicemail" });
    expect((await timeline(second)).some((e) => e.type === "note")).toBe(false);

    expect(await answerOf(await ownerSms("Called back, all good"))).toContain("#2 (Bob)"); // the latest alert
    expect(await answerOf(await ownerSms("DONE #1"))).toContain("#1 (Ann) marked done");
    const [ann] = await h.db.select().from(requests).where(eq(requests.id, first));
    expect(ann!.status).toBe("done");
    expect(await answerOf(await ownerSms("done #99"))).toContain("no request #99");
  });

  it("acts once on a replayed SMS: the same signed #ref reply posted 3 times sends 1 email", async () => {
    await setUp();
    await post(h, "/api/v1/sites/shop/messages", { name: "Jane Doe", email: "jane@example.com", message: "Do you ship to Canada?" });
    await h.worker.drain();
    const before = h.smtp.mails.length;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await ownerSms("#1 Yes, 5 to 8 days.", OWNER_PHONE, "SMreplayed0001"));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await answerOf(answers[0]!)).toContain("emailed to #1");
    expect(await answerOf(answers[2]!)).toBe("");
    await h.worker.drain();
    expect(h.smtp.mails.length - before).toBe(1);
    expect((await h.db.select().from(outbox).where(eq(outbox.kind, "reply")))).toHaveLength(1);
  });

  it("answers HELP with the commands", async () => {
    await setUp();
    expect(await answerOf(await ownerSms("help"))).toContain("DONE");
  });

  it("refuses forged, unsigned and unknown senders with 403, and changes nothing", async () => {
    await setUp();
    const id = await submitCallback("Ann");
    const before = (await timeline(id)).length;
    const params = { From: OWNER_PHONE, To: "+14155550199", Body: "DONE" };

    const forged = await fromTwilio("/webhooks/twilio/sms", params, { signature: twilio.getExpectedTwilioSignature("not-the-token", `${PUBLIC_URL}/webhooks/twilio/sms`, params) });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: "bad_signature" } });
    expect((await fromTwilio("/webhooks/twilio/sms", params, { signature: null })).status).toBe(403);
    // Signed for another URL: what a proxy that trusted the request's own Host would have accepted.
    const elsewhere = twilio.getExpectedTwilioSignature(twilioCreds.authToken, "http://localhost/webhooks/twilio/sms", params);
    expect((await fromTwilio("/webhooks/twilio/sms", params, { signature: elsewhere })).status).toBe(403);

    const stranger = await ownerSms("DONE", "+14155550177");
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ error: { code: "unknown_sender" } });

    const [row] = await h.db.select().from(requests).where(eq(requests.id, id));
    expect(row!.status).toBe("new");
    expect(await timeline(id)).toHaveLength(before);
  });
});

describe("POST /webhooks/twilio/status: delivery reports", () => {
  it("records Twilio's delivery status on the SMS, ignores late earlier stages, and keeps the error", async () => {
    await setUp();
    await submitCallback("Ann");
    const [sent] = h.twilio.messages;
    expect(sent!.form.StatusCallback).toBe(`${PUBLIC_URL}/webhooks/twilio/status`);
    const report = (status: string, extra: Record<string, string> = {}) => fromTwilio("/webhooks/twilio/status", { MessageSid: sent!.sid, MessageStatus: status, ...extra });
    const row = async () => (await h.db.select().from(outbox).where(eq(outbox.providerId, sent!.sid)))[0]!;

    expect((await report("delivered")).status).toBe(204);
    expect((await row()).providerStatus).toBe("delivered");
    await report("sent"); // arrives late
    expect((await row()).providerStatus).toBe("delivered");

    await report("undelivered", { ErrorCode: "30003" });
    expect(await row()).toMatchObject({ providerStatus: "undelivered", lastError: "Twilio reports undelivered (error 30003)." });
    expect((await report("delivered", { MessageSid: "SMunknown" })).status).toBe(204);
  });

  it("ignores a replayed call status: one timeline line per CallSid and status", async () => {
    await setUp();
    const id = await submitCallback("Ann");
    const status = () => fromTwilio(`/webhooks/twilio/voice/status?request=${id}&leg=owner`, { CallSid: "CAreplayed", CallStatus: "ringing" });
    expect([(await status()).status, (await status()).status]).toEqual([204, 204]);
    expect((await timeline(id)).filter((e) => e.type === "call")).toHaveLength(1);
  });

  it("ignores a replayed delivery report: a repeat answers 204 and changes nothing", async () => {
    await setUp();
    await submitCallback("Ann");
    const [sent] = h.twilio.messages;
    const report = (status: string) => fromTwilio("/webhooks/twilio/status", { MessageSid: sent!.sid, MessageStatus: status });
    const row = async () => (await h.db.select().from(outbox).where(eq(outbox.providerId, sent!.sid)))[0]!;
    expect((await report("undelivered")).status).toBe(204);
    await h.db.update(outbox).set({ providerStatus: "queued", lastError: null }).where(eq(outbox.providerId, sent!.sid));
    expect((await report("undelivered")).status).toBe(204); // the replay
    expect(await row()).toMatchObject({ providerStatus: "queued", lastError: null });
  });
});
