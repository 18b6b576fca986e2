// Runs the Twilio-compatible test double as its own process for the end-to-end suite.
import { startTwilioDouble } from "../../server/test/twilio-double.ts";
import { E2E } from "./env.ts";

const double = await startTwilioDouble({ accountSid: E2E.twilioSid, authToken: E2E.twilioToken, port: E2E.twilioPort });
console.info(`Twilio double listening on ${double.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => double.close().then(() => process.exit(0)));
