import type { Db } from "../../db/client.ts";
import { eq } from "drizzle-orm";
import { requests } from "../../db/schema.ts";
import { phoneOf, readFields } from "../../intake/request-fields.ts";

type Twiml = typeof import("twilio").twiml;

/** Our voice webhook for one step of a request's call (the URL Twilio signs, query included). */
export const voiceUrl = (publicUrl: string, step: "whisper" | "connect" | "status", requestId: string, leg?: "owner" | "shopper") =>
  `${publicUrl}/webhooks/twilio/voice/${step}?request=${encodeURIComponent(requestId)}${leg ? `&leg=${leg}` : ""}`;

/** What the owner hears on picking up: who and why, then "press 1". Built with the SDK's VoiceResponse. */
export async function whisperTwiml(twiml: Twiml, db: Db, publicUrl: string, requestId: string): Promise<string> {
  const response = new twiml.VoiceResponse();
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!request) {
    response.say("This call-back request no longer exists. Goodbye.");
    return response.toString();
  }
  const fields = readFields(request);
  const reason = ((fields.kind === "callback" && fields.note) || (fields.kind === "message" && fields.topic) || "").slice(0, 200);
  const gather = response.gather({ numDigits: 1, timeout: 8, action: voiceUrl(publicUrl, "connect", requestId) });
  gather.say(`Beckon call back for ${fields.name || "a shopper"}${reason ? `, about: ${reason}` : ""}. Press 1 to connect.`);
  response.say("No key pressed. Goodbye.");
  return response.toString();
}

/**
 * After the whisper: on 1, dial the shopper from the business number (never the owner's), with
 * answerOnBridge so the owner hears real ringing; the shopper's leg reports to the status webhook.
 */
export async function connectTwiml(twiml: Twiml, db: Db, opts: { publicUrl: string; businessNumber: string; requestId: string; digits: string }): Promise<string> {
  const response = new twiml.VoiceResponse();
  const [request] = await db.select().from(requests).where(eq(requests.id, opts.requestId));
  const phone = request && phoneOf(readFields(request));
  if (opts.digits !== "1" || !phone) {
    response.say("Not connected. Goodbye.");
    return response.toString();
  }
  const dial = response.dial({ callerId: opts.businessNumber, answerOnBridge: true, timeout: 25 });
  dial.number(
    {
      statusCallback: voiceUrl(opts.publicUrl, "status", opts.requestId, "shopper"),
      statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
    },
    phone,
  );
  return response.toString();
}
