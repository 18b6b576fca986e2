import type { Config } from "../../env.ts";

/**
 * The official Twilio client. `apiBaseUrl` points it at another host (a Twilio-compatible test
 * server): the SDK has no option for that, so a RequestClient subclass rewrites each request's origin.
 * The SDK is imported lazily because loading it costs ~100 ms of start-up.
 */
export async function createTwilioClient(twilio: NonNullable<Config["twilio"]>, opts: { timeoutMs?: number } = {}) {
  // Every request to Twilio is bounded: a hung connection frees the SMS lane's slot and is retried.
  const timeout = opts.timeoutMs ?? 10_000;
  const { default: Twilio } = await import("twilio");
  type Options = Parameters<InstanceType<typeof Twilio.RequestClient>["request"]>[0];
  let httpClient: InstanceType<typeof Twilio.RequestClient>;
  if (twilio.apiBaseUrl) {
    const base = new URL(twilio.apiBaseUrl);
    class RedirectingRequestClient extends Twilio.RequestClient {
      override request<T>(opts: Options) {
        const original = new URL(opts.uri);
        const uri = new URL(original.pathname + original.search, base).toString();
        return super.request<T>({ ...opts, uri } as Options as never);
      }
    }
    httpClient = new RedirectingRequestClient({ timeout });
  } else {
    httpClient = new Twilio.RequestClient({ timeout });
  }
  return Twilio(twilio.accountSid, twilio.authToken, { httpClient, autoRetry: false });
}
