import type { Config } from "../../env.ts";
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

/** Whether "Call now" can work here; when not, what is missing in owner words and where the README explains it. */
export type CallingCapability = { ready: true } | { ready: false; missing: string; readmeSection: string };

/** The README section that says how to set calling up (the admin names it; the README has no fixed public URL). */
export const CALLING_README_SECTION = "Calling shoppers back (Twilio voice)";

export function callingCapability(voice: VoiceCaller | undefined): CallingCapability {
  if (voice) return { ready: true };
  return { ready: false, missing: "Calling from the inbox needs a Twilio account with a phone number, and this server has none set up yet.", readmeSection: CALLING_README_SECTION };
}
