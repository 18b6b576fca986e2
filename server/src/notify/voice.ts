import type { Config } from "../env.ts";
import { createTwilioClient } from "./twilio-client.ts";

/** One outgoing call: whom to ring, where Twilio fetches what to say, where it reports progress. */
export type CallOrder = { to: string; twimlUrl: string; statusCallbackUrl: string };

/** Places calls from the business number (TWILIO_FROM); throws when Twilio refuses. */
export type VoiceCaller = { call(order: CallOrder): Promise<{ sid: string; status: string }> };

export async function createTwilioVoice(twilio: NonNullable<Config["twilio"]>): Promise<VoiceCaller> {
  const client = await createTwilioClient(twilio);
  return {
    async call({ to, twimlUrl, statusCallbackUrl }) {
      const call = await client.calls.create({
        to,
        from: twilio.from,
        url: twimlUrl,
        statusCallback: statusCallbackUrl,
        statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      });
      return { sid: call.sid, status: call.status };
    },
  };
}
