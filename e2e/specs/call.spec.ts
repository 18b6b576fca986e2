import { expect, test } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { placedCalls } from "../support/twilio.ts";
import { openShop, uniqueName } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE, locale: "en-US" });

test("a slot picked in the widget shows in the owner's time, and Call now rings the owner first", async ({ page, browser }) => {
  // The shopper is in Berlin; the demo shop's owner is in New York.
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Berlin" });
  const shopper = await context.newPage();
  await (await openShop(shopper)).click();
  const dialog = shopper.getByRole("dialog");
  await dialog.getByRole("button", { name: "Call me back" }).click();
  const name = uniqueName("Vera");
  await dialog.getByLabel("Your name").fill(name);
  // An en-GB browser suggests the UK for the number; this shopper gives a US one.
  await dialog.getByLabel("Country").focus();
  await dialog.getByLabel("Country").selectOption("US");
  await dialog.getByLabel("Phone number").fill("(415) 555-0166");
  await dialog.getByLabel("Pick a time").check();
  const slot = dialog.getByLabel("Time", { exact: true });
  const value = await slot.locator("option").nth(2).getAttribute("value");
  await slot.selectOption(value!);
  const berlin = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  await expect(slot.locator("option:checked")).toHaveText(berlin.format(new Date(value!)));
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
  await expect(dialog.getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
  await context.close();

  await page.goto(DEMO_INBOX);
  const newYork = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const row = page.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText(`call ${newYork.format(new Date(value!))}`);

  await row.getByRole("link").click();
  // The server says calling works here (voice is configured in e2e), so the page offers Call now.
  const requestId = page.url().split("/").pop()!;
  expect((await (await page.request.get(`/api/admin/requests/${requestId}`)).json()).calling).toEqual({ ready: true });
  await page.getByRole("button", { name: "Call now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Calling your phone now" })).toBeVisible();
  const id = page.url().split("/").pop()!;
  await expect
    .poll(async () => (await placedCalls()).find((c) => c.url.endsWith(`request=${id}`)))
    .toMatchObject({ to: E2E.ownerPhone, from: E2E.twilioFrom });
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Call to your phone: initiated.");
});
