import { describeFailure } from "../outbox/retry-policy.ts";
import type { SmsSender } from "../channels/sms/sms.ts";
import type { Site } from "./sites.ts";

export type TestSmsResult = { status: "sent" | "not_sent" | "failed"; to: string | null; providerId?: string; providerStatus?: string; error?: string };

/** Sends a test SMS to the site owner's own number, now, and reports what the provider said. */
export async function sendTestSms(sms: SmsSender | undefined, site: Site, log: Pick<Console, "info">): Promise<TestSmsResult> {
  const to = site.ownerPhone;
  const body = `Beckon test for ${site.name}: SMS alerts reach this phone.`;
  if (!to) return { status: "not_sent", to: null, error: "Add the owner's mobile number first." };
  if (!sms) {
    log.info(`[sms not sent: Twilio is not configured] to ${to}\n${body}\n`);
    return { status: "not_sent", to, error: "Twilio is not configured, so the message was printed to the server console." };
  }
  try {
    const receipt = await sms.send({ to, body });
    return { status: "sent", to, providerId: receipt.providerId, providerStatus: receipt.providerStatus };
  } catch (err) {
    return { status: "failed", to, error: describeFailure(err) };
  }
}
