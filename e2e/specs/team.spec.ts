// People on a site: an invitation accepted through the emailed link, and "Forgot password?" by email.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { waitForMail } from "../support/mail.ts";
import { sentMessages } from "../support/twilio.ts";
import { ownerPage } from "../support/owner.ts";

// Each test walks through two browsers, an email and the outbox: give it room on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The one-time link in the newest mail to `to` that contains `text`. */
async function linkIn(to: string, text: string, path: string): Promise<string> {
  const mail = await waitForMail(to, text);
  return new RegExp(`${E2E.baseUrl}${path}#[\\w-]+`).exec(mail.text)![0];
}

/** The owner invites `email` to the demo shop from the Members page. */
async function invite(browser: Browser, email: string) {
  const { context, page } = await ownerPage(browser);
  await page.goto("/admin/sites/demo/members");
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invited, not joined yet" })).toBeVisible();
  await context.close();
}

/** Opens an invitation link in a fresh browser, sets name and password, and joins. */
async function accept(page: Page, link: string, name: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Join Fern & Thistle" })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(password);
  await page.getByRole("button", { name: "Join Fern & Thistle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/sites\/demo$/);
}

test("an invited person joins through the emailed link, choosing their own password", async ({ browser, page }) => {
  const email = `sam.${Date.now()}@shop.example`;
  await invite(browser, email);
  const link = await linkIn(email, "invited you", "/admin/invite");
  await accept(page, link, "Sam Reed", "sam's own long password");

  // A member works the inbox; inviting and adding sites stay with the owners.
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.locator("#main").getByText("Sam Reed")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add a site" })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The link works once.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("expired or was already used");
});

test("forgot password: a one-time link by email sets a new one", async ({ browser, page }) => {
  const email = `kit.${Date.now()}@shop.example`;
  await invite(browser, email);
  await accept(page, await linkIn(email, "invited you", "/admin/invite"), "Kit Lane", "kit's first long password");
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText(`If ${email} has an account here, a link to choose a new password is on its way.`)).toBeVisible();

  await page.goto(await linkIn(email, "reset the Beckon password", "/admin/reset-password"));
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel("New password").fill("kit's brand new password");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  // The inbox's own fields go with it: fill the sign-in form once it is the page.
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Beckon" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("kit's brand new password");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
});

test("a new site's alert number is proved with the code texted to it", async ({ browser }) => {
  const { context, page } = await ownerPage(browser);
  await page.goto("/admin/new-site");
  await page.getByLabel("Site name").fill(`Moss Corner ${Date.now()}`);
  await page.getByLabel("Owner mobile number").fill("+1 415 555 0188");
  await page.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prove the alert number" })).toBeVisible();
  await expect(page.getByText("We texted a 6-digit code to +14155550188.")).toBeVisible();

  let code: string | undefined;
  await expect.poll(async () => (code = /Beckon code: (\d{6})/.exec((await sentMessages()).find((m) => m.to === "+14155550188")?.body ?? "")?.[1])).toBeTruthy();
  await page.getByLabel("Code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirm code" }).click();
  await expect(page.getByText("That code isn't right. 4 tries left.")).toBeVisible();
  await page.getByLabel("Code").fill(code!);
  await page.getByRole("button", { name: "Confirm code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Install the widget" })).toBeVisible();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByLabel("Owner mobile number")).toHaveValue("+14155550188");
  await context.close();
});
