import { expect, test, type Page } from "@playwright/test";
import twilio from "twilio";
import { E2E } from "../support/env.ts";
import { waitForSms } from "../support/twilio.ts";
import { openShop, uniqueName } from "../support/widget.ts";

/** Posts an SMS from the owner's phone to the webhook, signed as Twilio signs it. */
async function ownerTexts(page: Page, body: string) {
  const url = `${E2E.baseUrl}/webhooks/twilio/sms`;
  const params = { From: E2E.ownerPhone, To: E2E.twilioFrom, Body: body, MessageSid: `SM${Date.now()}${Math.random()}` };
  const res = await page.request.post(url, { form: params, headers: { "X-Twilio-Signature": twilio.getExpectedTwilioSignature(E2E.twilioToken, url, params) } });
  expect(res.status()).toBe(200);
}

test("after a reload, an unread chat answer opens straight into the chat, and the menu carries the count", async ({ page: shopper }) => {
  test.setTimeout(60_000);
  const name = uniqueName("Ines");
  const launcher = await openShop(shopper);
  await launcher.click();
  const dialog = shopper.getByRole("dialog");
  await dialog.getByRole("button", { name: "Chat with us" }).click();
  await dialog.getByLabel("Your name").fill(name);
  await dialog.getByLabel("How can we help?").fill("Can I collect in person?");
  await dialog.getByRole("button", { name: "Start chat" }).click();
  await expect(dialog.getByRole("log")).toContainText("Can I collect in person?");
  const ref = /Chat #(\d+)/.exec((await waitForSms(name)).body)![1];
  await shopper.keyboard.press("Escape");

  await ownerTexts(shopper, `#${ref} Yes, any weekday after 10.`);
  await expect(launcher).toHaveAccessibleName("Contact us, 1 new answer");

  // A reload keeps the answer unread, and opening goes straight to it.
  await shopper.reload();
  const again = shopper.getByRole("button", { name: /^Contact us/ });
  await expect(again).toHaveAccessibleName("Contact us, 1 new answer");
  await again.click();
  await expect(dialog.getByRole("log")).toContainText("Yes, any weekday after 10.");
  await expect(again).toHaveAccessibleName("Contact us");

  // The menu is one tap away; a new answer while it shows is counted on "Chat with us".
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog.getByRole("button", { name: "Chat with us", exact: true })).toBeVisible();
  await ownerTexts(shopper, `#${ref} Ring the bell at the side door.`);
  const chatWithUs = dialog.getByRole("button", { name: "Chat with us, 1 new answer" });
  await expect(chatWithUs).toBeVisible();
  await chatWithUs.click();
  await expect(dialog.getByRole("log")).toContainText("Ring the bell at the side door.");
});
