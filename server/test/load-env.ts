/**
 * Environment for a server that scripts load directly (tests that start server processes, and the
 * benches): limits out of the way, and no proof of work, since a script posts as itself, not as the widget.
 */
export const LOAD_ENV = {
  RATE_LIMIT_IP_PER_10_MIN: "1000000",
  RATE_LIMIT_SITE_PER_HOUR: "1000000",
  RATE_LIMIT_REJECTED_PER_10_MIN: "1000000",
  SPAM_CHALLENGE: "off",
} as const;

/** The Twilio variables that point a server at the local Twilio double. */
export function twilioDoubleEnv(creds: { accountSid: string; authToken: string }, url: string) {
  return { TWILIO_ACCOUNT_SID: creds.accountSid, TWILIO_AUTH_TOKEN: creds.authToken, TWILIO_FROM: "+14155550199", TWILIO_API_BASE_URL: url, OWNER_PHONE: "+14155550100" } as const;
}
