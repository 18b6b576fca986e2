import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import twilio from "twilio";
import { E2E } from "../support/env.ts";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { waitForSms } from "../support/twilio.ts";
import { openChat, openShop, startChat, uniqueName } from "../support/widget.ts";

/** Posts an SMS from the owner's phone to the webhook, signed as Twilio signs it. */
async function ownerTexts(page: Page, body: string) {
  const url = `${E2E.baseUrl}/webhooks/twilio/sms`;
  const params = { From: E2E.ownerPhone, To: E2E.twilioFrom, Body: body, MessageSid: `SM${Date.now()}` };
  const res = await page.request.post(url, { form: params, headers: { "X-Twilio-Signature": twilio.getExpectedTwilioSignature(E2E.twilioToken, url, params) } });
  expect(res.status()).toBe(200);
  return res.text();
}

test.describe("live chat", () => {
  test.use({ storageState: OWNER_STATE });

  test("shopper and owner talk both ways, live; the chat survives a reload", async ({ page: owner, browser }) => {
    const shopperContext = await browser.newContext();
    const shopper = await shopperContext.newPage();
    const name = uniqueName("Lena");
    const { log } = await startChat(shopper, name, "Is the blue vase still in stock?");

    await owner.goto(DEMO_INBOX);
    await owner.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
    const ownerChat = owner.getByRole("region", { name: "Chat" });
    await expect(ownerChat.getByRole("log")).toContainText("Is the blue vase still in stock?");
    await ownerChat.getByLabel("Your answer").fill("Yes, two left. Shall I keep one for you?");
    await ownerChat.getByRole("button", { name: "Send", exact: true }).click();

    await expect(log).toContainText("Yes, two left. Shall I keep one for you?");
    const composer = shopper.getByRole("dialog").getByLabel("Your message");
    await composer.fill("Yes please!");
    await composer.press("Enter");
    await expect(ownerChat.getByRole("log")).toContainText("Yes please!");

    await shopper.reload();
    await (await openShop(shopper)).click();
    await shopper.getByRole("dialog").getByRole("button", { name: "Chat with us" }).click();
    const again = shopper.getByRole("dialog").getByRole("log", { name: "Conversation" });
    await expect(again).toContainText("Is the blue vase still in stock?");
    await expect(again).toContainText("Yes, two left.");
    await expect(again).toContainText("Yes please!");
    await shopperContext.close();
  });

  test("the owner's SMS reply reaches the shopper's widget, and a closed widget shows it as unread", async ({ page, browser }) => {
    const shopperContext = await browser.newContext();
    const shopper = await shopperContext.newPage();
    const name = uniqueName("Omar");
    const { launcher } = await startChat(shopper, name, "Do you deliver on Sundays?");
    const alert = await waitForSms(name);
    const ref = /Chat #(\d+)/.exec(alert.body)![1];

    await shopper.keyboard.press("Escape");
    await expect(shopper.getByRole("dialog")).toBeHidden();
    expect(await ownerTexts(page, `#${ref} We do, from 10 to 2.`)).toContain(`#${ref}`);
    await expect(launcher).toHaveAccessibleName("Contact us, 1 new answer");

    await launcher.click(); // it opens where the shopper left it: the chat
    await expect(shopper.getByRole("dialog").getByRole("log")).toContainText("We do, from 10 to 2.");
    await expect(launcher).toHaveAccessibleName("Contact us");
    await shopperContext.close();
  });

  test("axe finds no accessibility violations in the open chat", async ({ browser }) => {
    const context = await browser.newContext();
    const shopper = await context.newPage();
    await openChat(shopper);
    expect((await new AxeBuilder({ page: shopper }).include("[data-beckon]").analyze()).violations).toEqual([]);
    await shopper.getByRole("dialog").getByLabel("How can we help?").fill("Hello!");
    await shopper.getByRole("dialog").getByRole("button", { name: "Start chat" }).click();
    await expect(shopper.getByRole("dialog").getByRole("log")).toContainText("Hello!");
    expect((await new AxeBuilder({ page: shopper }).include("[data-beckon]").analyze()).violations).toEqual([]);
    await context.close();
  });
});
