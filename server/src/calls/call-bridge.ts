import { provePhone } from "../customers/customer-match.ts";
import { CALLS_TOPIC } from "../webhooks/fan-out.ts";
import { eq } from "drizzle-orm";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { requestEvents, requests, sites, type CallOutcome } from "../db/schema.ts";
import { Conflict, Unavailable, UpstreamFailed } from "../domain-errors.ts";
import type { VoiceCaller } from "../providers/twilio/voice.ts";
import { voiceUrl } from "../providers/twilio/call-twiml.ts";
import { describeFailure } from "../outbox/retry-policy.ts";
import { missedCallText } from "../channels/sms/sms-text.ts";
import { memberRequest } from "../inbox/inbox.ts";
import { signLink } from "../callbacks/shopper-links.ts";
import { queueShopperSms } from "../customers/shopper-sms.ts";
import { readSettings } from "../sites/site-settings.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { phoneOf, readFields } from "../intake/request-fields.ts";

export type BridgeDeps = ChangeDeps & { voice: VoiceCaller | undefined; publicUrl: string };


/**
 * "Call now": Twilio rings the site owner's phone first; when they answer, a whisper says who and why
 * and waits for 1 (see call-twiml.ts), then the shopper is dialled from the business number. The owner's
 * own number is only ever the *destination* of the first leg, never a caller ID.
 */
export async function startBridge(deps: BridgeDeps, userId: number, requestId: string) {
  if (!deps.voice) throw new Unavailable("voice_not_configured", "Calling is not set up on this server yet: it needs a Twilio account with a phone number (see “Calling shoppers back” in the README).");
  const row = await memberRequest(deps.db, userId, requestId);
  const shopper = phoneOf(readFields(row.request));
  if (!shopper) throw new Conflict("no_phone", "This shopper left no phone number to call.");
  const [site] = await deps.db.select({ ownerPhone: sites.ownerPhone }).from(sites).where(eq(sites.id, row.site.id));
  if (!site?.ownerPhone) throw new Conflict("no_owner_phone", "Add the owner's mobile number in settings first: Beckon rings it, then connects the shopper.");
  const call = await deps.voice
    .call({ to: site.ownerPhone, twimlUrl: voiceUrl(deps.publicUrl, "whisper", requestId), statusCallbackUrl: voiceUrl(deps.publicUrl, "status", requestId, "owner") })
    .catch((err: unknown) => {
      throw new UpstreamFailed("call_failed", `Twilio did not place the call. ${describeFailure(err)}`);
    });
  await deps.pipeline.commit(deps.db, async (tx, fx) => {
    await tx.insert(requestEvents).values({ requestId, type: "call", actorUserId: userId, data: { leg: "owner", status: "initiated", sid: call.sid }, createdAt: deps.clock.now() });
    await fx.request("request.updated", row.site.id, requestId);
  });
  return { siteId: row.site.id, call };
}

const MISSED = new Set(["busy", "no-answer", "failed", "canceled"]);

/**
 * Twilio's report on one leg of a bridged call, kept on the request's timeline. The shopper's leg
 * decides the outcome: answered and talked means "called" (and the request is done); busy, no answer,
 * failed or cancelled means "missed" (and the request stays open, in progress).
 */
export async function recordCallStatus(
  { db, clock, pipeline }: ChangeDeps,
  report: { requestId: string; leg: "owner" | "shopper"; status: string; duration: number | undefined; sid: string },
  links: { publicUrl: string; linkSecret: string },
): Promise<{ siteId: number } | null> {
  const [request] = await db.select().from(requests).where(eq(requests.id, report.requestId));
  if (!request) return null;
  const now = clock.now();
  let outcome: CallOutcome | null = null;
  if (report.leg === "shopper" && report.status === "completed") outcome = (report.duration ?? 0) > 0 ? "called" : "missed";
  if (report.leg === "shopper" && MISSED.has(report.status)) outcome = "missed";
  await pipeline.commit(db, async (tx, fx) => {
    await fx.request("request.updated", request.siteId, request.id);
    await tx.insert(requestEvents).values({
      requestId: request.id,
      type: "call",
      data: { leg: report.leg, status: report.status, sid: report.sid, ...(report.duration !== undefined && { duration: report.duration }) },
      createdAt: now,
    });
    if (!outcome) return;
    if (outcome === "called") await provePhone(tx, request.customerId, (request.fields as { phone?: string }).phone, now); // issue #12
    if (outcome === "missed" && request.callOutcome !== "missed") {
      // One notice per request at most (queueShopperSms checks), and only where the site allows it.
      const [site] = await tx.select({ name: sites.name, settings: sites.settings }).from(sites).where(eq(sites.id, request.siteId));
      const fields = readFields(request);
      if (site && fields.kind === "callback" && fields.phone) {
        const settings = readSettings(site.settings);
        await queueShopperSms(tx, {
          siteId: request.siteId,
          settings,
          requestId: request.id,
          phone: fields.phone,
          consent: fields.consent === true,
          kind: "missed_call",
          text: missedCallText({ locale: shopperLocale(settings, request.locale), siteName: site.name, name: fields.name ?? "", link: `${links.publicUrl}/c/${signLink(links.linkSecret, request.id)}` }),
          now,
        });
      }
    }
    const status = outcome === "called" ? "done" : request.status === "new" ? "in_progress" : request.status;
    await tx.update(requests).set({ callOutcome: outcome, status, updatedAt: now }).where(eq(requests.id, request.id));
    await fx.emit({ siteId: request.siteId, topic: CALLS_TOPIC, type: "call.completed", data: { requestId: request.id, outcome, duration: report.duration ?? null } });
    if (status !== request.status) {
      await tx.insert(requestEvents).values({ requestId: request.id, type: "status", data: { from: request.status, to: status, reason: outcome === "called" ? "The call went through." : "The shopper did not answer." }, createdAt: now });
    }
  });
  return { siteId: request.siteId };
}
