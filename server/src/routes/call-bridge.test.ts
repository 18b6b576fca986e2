import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { requestEvents, requests } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, post, postFromTwilio, PUBLIC_URL, TWILIO_FROM, twilioCreds, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const SHOPPER = "+14155550123";

async function setUp(opts: Parameters<typeof createHarness>[0] = {}) {
  h = await createHarness(opts);
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  owner = await signIn(h, "mara@fern.example");
}
async function callback(name = "Jane Doe") {
  const res = await post(h, "/api/v1/sites/shop/callbacks", { name, phone: SHOPPER, note: "Order 1234 arrived broken" });
  return (await res.json()).id as string;
}
/** Twilio calling one of our voice webhooks: a signed form POST to the exact URL it was given. */
const fromTwilio = (url: string, params: Record<string, string>, token = twilioCreds.authToken) => postFromTwilio(h, url.replace(PUBLIC_URL, ""), params, { token });
const attr = (xml: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];

describe("one-tap call bridging", () => {
  it("rings the owner, whispers who and why, then dials the shopper from the business number", async () => {
    await setUp();
    const id = await callback();
    const res = await ownerRequest(h, owner, "POST", `/api/admin/requests/${id}/call`);
    expect(res.status).toBe(202);
    const [call] = h.twilio.calls;
    expect(call).toMatchObject({ to: OWNER_PHONE, from: TWILIO_FROM, url: `${PUBLIC_URL}/webhooks/twilio/voice/whisper?request=${id}` });
    expect(call!.statusCallback).toBe(`${PUBLIC_URL}/webhooks/twilio/voice/status?request=${id}&leg=owner`);
    expect(call!.statusCallbackEvent).toEqual(["initiated", "ringing", "answered", "completed"]);

    const whisper = await (await fromTwilio(call!.url, { CallSid: call!.sid, From: TWILIO_FROM, To: OWNER_PHONE })).text();
    expect(whisper).toContain("Beckon call back for Jane Doe, about: Order 1234 arrived broken. Press 1 to connect.");
    const connectUrl = attr(whisper, "Gather", "action")!.replace(/&amp;/g, "&");
    expect(connectUrl).toBe(`${PUBLIC_URL}/webhooks/twilio/voice/connect?request=${id}`);

    const connect = await (await fromTwilio(connectUrl, { CallSid: call!.sid, Digits: "1" })).text();
    expect(attr(connect, "Dial", "callerId")).toBe(TWILIO_FROM);
    expect(attr(connect, "Dial", "answerOnBridge")).toBe("true");
    expect(/<Number[^>]*>([^<]+)<\/Number>/.exec(connect)?.[1]).toBe(SHOPPER);
    // The owner's own number is never a caller ID, anywhere.
    expect(connect).not.toContain(OWNER_PHONE);
    expect(h.twilio.calls.every((c) => c.from !== OWNER_PHONE)).toBe(true);

    const other = await (await fromTwilio(connectUrl, { CallSid: call!.sid, Digits: "2" })).text();
    expect(other).not.toContain("<Dial");
  });

  it("records each leg from signed status callbacks; the shopper's leg makes the request called or missed", async () => {
    await setUp();
    const answered = await callback("Ann");
    const unanswered = await callback("Bo");
    const status = (id: string, leg: string, params: Record<string, string>) =>
      fromTwilio(`${PUBLIC_URL}/webhooks/twilio/voice/status?request=${id}&leg=${leg}`, { CallSid: "CA1", ...params });

    expect((await status(answered, "owner", { CallStatus: "answered" })).status).toBe(204);
    await status(answered, "shopper", { CallStatus: "ringing" });
    await status(answered, "shopper", { CallStatus: "completed", CallDuration: "42" });
    await status(unanswered, "shopper", { CallStatus: "no-answer" });

    const [ann] = await h.db.select().from(requests).where(eq(requests.id, answered));
    const [bo] = await h.db.select().from(requests).where(eq(requests.id, unanswered));
    expect(ann).toMatchObject({ callOutcome: "called", status: "done" });
    expect(bo).toMatchObject({ callOutcome: "missed", status: "in_progress" });
    const legs = (await h.db.select().from(requestEvents).where(eq(requestEvents.requestId, answered))).filter((e) => e.type === "call").map((e) => e.data);
    expect(legs).toEqual([
      { leg: "owner", status: "answered", sid: "CA1" },
      { leg: "shopper", status: "ringing", sid: "CA1" },
      { leg: "shopper", status: "completed", sid: "CA1", duration: 42 },
    ]);
  });

  it("refuses forged callbacks and changes nothing", async () => {
    await setUp();
    const id = await callback();
    const url = `${PUBLIC_URL}/webhooks/twilio/voice/status?request=${id}&leg=shopper`;
    const forged = await fromTwilio(url, { CallSid: "CA1", CallStatus: "completed", CallDuration: "60" }, "wrong-token");
    expect(forged.status).toBe(403);
    // Signed without the query string: Twilio signs the URL it called, query included.
    const params = { CallSid: "CA1", CallStatus: "completed", CallDuration: "60" };
    const noQuery = await postFromTwilio(h, url.replace(PUBLIC_URL, ""), params, { signedUrl: `${PUBLIC_URL}/webhooks/twilio/voice/status` });
    expect(noQuery.status).toBe(403);
    const [row] = await h.db.select().from(requests).where(eq(requests.id, id));
    expect(row).toMatchObject({ callOutcome: null, status: "new" });
  });

  it("starts the bridge when the owner texts CALL, and says so when Twilio is not set up", async () => {
    await setUp();
    const id = await callback("Cy");
    await h.worker.drain(); // the alert goes out, so CALL means this request
    const params = { From: OWNER_PHONE, To: TWILIO_FROM, Body: "CALL" };
    const answer = await (await fromTwilio(`${PUBLIC_URL}/webhooks/twilio/sms`, params)).text();
    expect(answer).toContain("ringing you now; press 1 to be connected to #1 (Cy)");
    expect(h.twilio.calls.map((c) => c.url)).toEqual([`${PUBLIC_URL}/webhooks/twilio/voice/whisper?request=${id}`]);

    await h.close();
    await setUp({ twilio: false });
    const other = await callback();
    const res = await ownerRequest(h, owner, "POST", `/api/admin/requests/${other}/call`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: "voice_not_configured" } });
  });
});
