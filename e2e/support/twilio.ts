import { expect } from "@playwright/test";
import type { RecordedCall, RecordedMessage } from "../../server/test/twilio-double.ts";
import { E2E } from "./env.ts";

/** What the Twilio double has accepted so far. */
export async function sentMessages(): Promise<RecordedMessage[]> {
  const res = await fetch(`${E2E.twilioUrl}/_double/messages`);
  return res.json();
}

/** Waits until the double has accepted an SMS whose body contains `text`, and returns it. */
export async function waitForSms(text: string): Promise<RecordedMessage> {
  let found: RecordedMessage | undefined;
  await expect
    .poll(async () => (found = (await sentMessages()).find((m) => m.body.includes(text))), { timeout: 10_000, message: `an SMS containing ${text}` })
    .toBeTruthy();
  return found!;
}

/** The calls the double has been asked to place. */
export async function placedCalls(): Promise<RecordedCall[]> {
  const res = await fetch(`${E2E.twilioUrl}/_double/calls`);
  return res.json();
}

/** Makes the double refuse the next SMS whose body contains `text` with this HTTP status and Twilio error code. */
export async function failNextSmsContaining(text: string, status: number, code: number): Promise<void> {
  await fetch(`${E2E.twilioUrl}/_double/fail`, { method: "POST", body: JSON.stringify({ text, status, code }) });
}
