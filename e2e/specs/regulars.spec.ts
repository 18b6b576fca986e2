import { expect, test, type Page } from "@playwright/test";
import twilio from "twilio";
import { E2E } from "../support/env.ts";
import { ownerPage } from "../support/owner.ts";
import { waitForSms } from "../support/twilio.ts";
import { openShop } from "../support/widget.ts";

// Issue #12: demo-site/identified.html is a product page where the shop's server signed Jane in
// (the demo route /demo/identity.js signs her id with the demo site's identity secret).

/** Posts an SMS from the owner's phone to the webhook, signed as Twilio signs it. */
async function ownerTexts(page: Page, body: string) {
  const url = `${E2E.baseUrl}/webhooks/twilio/sms`;
  const params = { From: E2E.ownerPhone, To: E2E.twilioFrom, Body: body, MessageSid: `SM${Date.now()}${Math.random()}` };
  const res = await page.request.post(url, { form: params, headers: { "X-Twilio-Signature": twilio.getExpectedTwilioSignature(E2E.twilioToken, url, params) } });
  expect(res.status()).toBe(200);
}

const requestIdIn = (sms: { body: string }) => /\/admin\/requests\/([\w-]+)/.exec(sms.body)![1]!;

test.describe.configure({ mode: "serial" });

test("a signed-in shopper is known: forms filled in, her earlier answer shown, 'again' first in the owner's SMS, the page on the request", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const launcher = await openShop(page, "/demo/identified.html?product=monstera&token=abc123");
  await launcher.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Send a message" }).click();
  await expect(dialog.getByLabel("Your name")).toHaveValue("Jane Doe");
  await expect(dialog.getByLabel("Email")).toHaveValue("jane@example.com");
  await dialog.getByLabel("Your message").fill("Is the monstera safe for cats?");
  await dialog.getByRole("button", { name: "Send message" }).click();
  await expect(dialog.getByRole("heading", { name: "Thanks, Jane!" })).toBeVisible();
  const first = await waitForSms("Is the monstera safe for cats?");
  expect(first.body).toContain("Regular, 12 orders, since 2022");
  const ref = /Message #(\d+)/.exec(first.body)![1];

  // The owner answers from their phone; Jane sees the answer under "Your messages" on her next visit.
  await ownerTexts(page, `#${ref} Sadly not: keep it out of reach of cats.`);
  await expect(async () => {
    await page.reload();
    await page.getByRole("button", { name: "Contact us" }).click();
    await dialog.getByText("Your messages").click();
    await expect(dialog.getByText("Sadly not: keep it out of reach of cats.", { exact: false })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(dialog).toContainText("You, ");
  await expect(dialog).toContainText("Is the monstera safe for cats?");

  // A call-back while the message is still open: her phone is filled in, and the owner's SMS says "again" first.
  await dialog.getByRole("button", { name: "Call me back" }).click();
  await expect(dialog.getByLabel("Phone number")).toHaveValue("+1 415 555 0142");
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
  await expect(dialog.getByRole("heading", { name: "Thanks, Jane!" })).toBeVisible();
  const again = await waitForSms("Jane again");
  expect(again.body).toMatch(/^Jane again - 2nd time today, open since \d\d:\d\d\nCall back #\d+: Jane Doe/);

  // The owner's request page: asked again, verified, and the product page's address (without the token).
  const { context, page: owner } = await ownerPage(browser);
  await owner.goto(`/admin/sites/demo/requests/${requestIdIn(again)}`);
  const card = owner.getByRole("region", { name: "Who and where" });
  await expect(card).toContainText("asked again (2nd time)");
  await expect(card).toContainText("Verified");
  await expect(card.locator(".context-page")).toHaveText("/demo/identified.html?product=monstera");
  await expect(card).toContainText("Plant club");
  await expect(card.getByRole("link", { name: `#${ref}` })).toBeVisible();
  await context.close();
});

test("a forged signature only 'says they are' Jane: no link to her record, no 'again', no earlier messages", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const launcher = await openShop(page, "/demo/identified.html?forged=1");
  await launcher.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Send a message" })).toBeVisible();
  await expect(dialog.getByText("Your messages")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Send a message" }).click();
  await dialog.getByLabel("Your message").fill("Forged: what did I order last time?");
  await dialog.getByRole("button", { name: "Send message" }).click();
  const sms = await waitForSms("Forged: what did I order last time?");
  expect(sms.body).not.toMatch(/again|Regular|request since/);

  const { context, page: owner } = await ownerPage(browser);
  await owner.goto(`/admin/sites/demo/requests/${requestIdIn(sms)}`);
  const card = owner.getByRole("region", { name: "Who and where" });
  await expect(card).toContainText("says they are Jane Doe <jane@example.com>");
  await expect(card).not.toContainText("asked again");
  // The typed email is Jane's: offered as a possible match for the owner to confirm, never merged.
  await expect(card.getByRole("button", { name: "Same person: merge" })).toBeVisible();
  await expect(owner.getByText("First request")).toBeVisible();
  await context.close();
});
