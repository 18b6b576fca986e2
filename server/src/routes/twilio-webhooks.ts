import { Hono, type Context } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { ApiError } from "../http/errors.ts";
import { param, twilioSignature, type TwilioVars } from "../providers/twilio/twilio-signature.ts";
import { twilioOnce } from "../providers/twilio/twilio-once.ts";
import { recordDeliveryStatus } from "../providers/twilio/delivery-status.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import { recordCallStatus } from "../calls/call-bridge.ts";
import { connectTwiml, whisperTwiml } from "../providers/twilio/call-twiml.ts";
import { handleOwnerSms } from "../inbox/owner-sms.ts";
import type { VoiceCaller } from "../providers/twilio/voice.ts";
import { parsePhone } from "../customers/phone.ts";

export type TwilioWebhookDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  authToken: string | undefined;
  mailFrom: { address: string };
  /** Signs the cancel link in a missed-call notice to the shopper. */
  linkSecret: string;
  /** TWILIO_FROM: the caller ID the shopper sees on a bridged call. */
  businessNumber: string | undefined;
  /** Places the owner's leg of a bridged call (the SMS command CALL). */
  voice: VoiceCaller | undefined;
  /** OWNER_PHONE: trusted for the sites it is set on. */
  operatorPhone?: string | undefined;
  /** Every change a webhook makes goes through it (events, then wakes). */
  pipeline: Pipeline;
};

/** TwiML that texts `text` back to the sender. */
async function twimlMessage(text: string): Promise<string> {
  const { twiml } = (await import("twilio")).default;
  const response = new twiml.MessagingResponse();
  response.message(text);
  return response.toString();
}

/** Twilio calls these: the owner's SMS replies, and delivery reports for what we sent. All signed. */
export function twilioWebhooks(deps: TwilioWebhookDeps) {
  const app = new Hono<TwilioVars>();
  app.use("*", twilioSignature({ authToken: deps.authToken, publicUrl: deps.publicUrl }));
  // Repeats of a delivery Twilio already made change nothing (see twilio-once.ts).
  const emptyTwiml = (c: Context) => c.body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", 200, { "Content-Type": "text/xml; charset=utf-8" });
  app.use("/sms", twilioOnce(deps, "sms", (p) => param(p, "MessageSid"), emptyTwiml));
  app.use("/status", twilioOnce(deps, "sms_status", (p) => (param(p, "MessageSid") && param(p, "MessageStatus") ? `${param(p, "MessageSid")}:${param(p, "MessageStatus")}` : ""), (c) => c.body(null, 204)));
  app.use(
    "/voice/status",
    twilioOnce(
      deps,
      "call_status",
      (p, c) => (param(p, "CallSid") && param(p, "CallStatus") ? [param(p, "CallSid"), param(p, "CallStatus"), c.req.query("leg") ?? "", c.req.query("request") ?? ""].join(":") : ""),
      (c) => c.body(null, 204),
    ),
  );

  app.post("/sms", async (c) => {
    const params = c.get("twilioParams");
    const from = parsePhone(param(params, "From"), "US");
    const outcome = from.ok ? await handleOwnerSms(deps, { from: from.e164, body: param(params, "Body") }) : null;
    if (!outcome) throw new ApiError(403, "unknown_sender", "This number does not own a site here.");
    return c.body(await twimlMessage(outcome.answer), 200, { "Content-Type": "text/xml; charset=utf-8" });
  });

  app.post("/voice/whisper", async (c) => {
    const { twiml } = (await import("twilio")).default;
    return c.body(await whisperTwiml(twiml, deps.db, deps.publicUrl, c.req.query("request") ?? ""), 200, { "Content-Type": "text/xml; charset=utf-8" });
  });

  app.post("/voice/connect", async (c) => {
    const { twiml } = (await import("twilio")).default;
    const xml = await connectTwiml(twiml, deps.db, {
      publicUrl: deps.publicUrl,
      businessNumber: deps.businessNumber ?? "",
      requestId: c.req.query("request") ?? "",
      digits: param(c.get("twilioParams"), "Digits"),
    });
    return c.body(xml, 200, { "Content-Type": "text/xml; charset=utf-8" });
  });

  app.post("/voice/status", async (c) => {
    const params = c.get("twilioParams");
    const leg = c.req.query("leg") === "shopper" ? "shopper" : "owner";
    const duration = param(params, "CallDuration");
    await recordCallStatus(deps, {
      requestId: c.req.query("request") ?? "",
      leg,
      status: param(params, "CallStatus"),
      duration: duration ? Number(duration) : undefined,
      sid: param(params, "CallSid"),
    }, deps);
    return c.body(null, 204);
  });

  app.post("/status", async (c) => {
    const params = c.get("twilioParams");
    const messageSid = param(params, "MessageSid");
    const status = param(params, "MessageStatus");
    if (messageSid && status) {
      await recordDeliveryStatus(deps, { messageSid, status, errorCode: param(params, "ErrorCode") || undefined });
    }
    return c.body(null, 204);
  });

  return app;
}
