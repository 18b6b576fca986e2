import type { Config } from "../../env.ts";
import { createTwilioClient } from "../../providers/twilio/twilio-client.ts";

export type SmsMessage = { to: string; body: string };
export type SmsReceipt = { providerId: string; providerStatus: string };

/** Sends one SMS or throws; the outbox decides whether a failure is worth retrying (see delivery-error.ts). */
export type SmsSender = { send(message: SmsMessage): Promise<SmsReceipt> };

/**
 * The Twilio sender. With `statusCallbackUrl`, Twilio reports each message's delivery to our signed
 * webhook.
 */
export async function createTwilioSms(twilio: NonNullable<Config["twilio"]>, opts: { statusCallbackUrl?: string | undefined } = {}): Promise<SmsSender> {
  const client = await createTwilioClient(twilio);
  return {
    async send({ to, body }) {
      const message = await client.messages.create({ to, from: twilio.from, body, ...(opts.statusCallbackUrl && { statusCallback: opts.statusCallbackUrl }) });
      return { providerId: message.sid, providerStatus: message.status };
    },
  };
}
