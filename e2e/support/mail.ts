import { expect } from "@playwright/test";
import { E2E } from "./env.ts";

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string;
  replyTo: string;
};

/** What the SMTP double has received so far. */
export async function receivedMails(): Promise<ReceivedMail[]> {
  const res = await fetch(`${E2E.mailApiUrl}/_double/mails`);
  return res.json();
}

/** Waits until the SMTP double has received a mail to `to` whose text contains `text`, and returns it. */
export async function waitForMail(to: string, text: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(async () => (found = (await receivedMails()).find((m) => m.to.includes(to) && m.text.includes(text))), {
      timeout: 10_000,
      message: `a mail to ${to} containing ${text}`,
    })
    .toBeTruthy();
  return found!;
}
