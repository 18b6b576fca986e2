import type { Config } from "../env.ts";

export type SmsMessage = { to: string; body: string };
export type SmsReceipt = { providerId: string; providerStatus: string };

/** Sends one SMS or throws; the outbox decides whether a failure is worth retrying (see delivery-error.ts). */
export type SmsSender = { send(message: SmsMessage): Promise<SmsReceipt> };

/**
 * The Twilio sender. `apiBaseUrl` points the official SDK at another host (a Twilio-compatible test
 * server): the SDK has no option for that, so a RequestClient subclass rewrites each request's origin.
 * The SDK is imported lazily because loading it costs ~100 ms of start-up. With `statusCallbackUrl`,
 * Twilio reports each message's delivery to our signed webhook.
 */
export async function createTwilioSms(twilio: NonNullable<Config["twilio"]>, opts: { statusCallbackUrl?: string | undefined } = {}): Promise<SmsSender> {
  const { default: Twilio } = await import("twilio");
  let httpClient: InstanceType<typeof Twilio.RequestClient> | undefined;
  if (twilio.apiBaseUrl) {
    const base = new URL(twilio.apiBaseUrl);
    class RedirectingRequestClient extends Twilio.RequestClient {
      override request<T>(opts: Parameters<InstanceType<typeof Twilio.RequestClient>["request"]>[0]) {
        const original = new URL(opts.uri);
        const uri = new URL(original.pathname + original.search, base).toString();
        return super.request<T>({ ...opts, uri } as Parameters<InstanceType<typeof Twilio.RequestClient>["request"]>[0] as never);
      }
    }
    httpClient = new RedirectingRequestClient({ timeout: 10_000 });
  } else {
    httpClient = new Twilio.RequestClient({ timeout: 10_000 });
  }
  const client = Twilio(twilio.accountSid, twilio.authToken, { httpClient, autoRetry: false });
  return {
    async send({ to, body }) {
      const message = await client.messages.create({ to, from: twilio.from, body, ...(opts.statusCallbackUrl && { statusCallback: opts.statusCallbackUrl }) });
      return { providerId: message.sid, providerStatus: message.status };
    },
  };
}
