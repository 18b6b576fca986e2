// First run through the UI, once per suite: the owner account every signed-in spec then uses.
import { expect, test as setup } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { OWNER_STATE } from "../support/owner-state.ts";

setup("a newcomer sets up Beckon from the first page and lands in the inbox", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Welcome to Beckon" })).toBeVisible();

  await page.getByLabel("Your name").fill("Mara Lind");
  await page.getByLabel("Email").fill(E2E.ownerEmail);
  await page.getByLabel("Password").fill("too short");
  await page.getByLabel("Shop name").fill("Fern & Thistle Plants");
  await page.getByLabel("Your mobile number").fill("(415) 555-0100");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByLabel("Phone country").selectOption("US");
  await page.getByRole("button", { name: "Create my account" }).click();
  // The server's rule, at its field, with focus there.
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toBeFocused();
  await expect(page.getByText(/at least 10 characters/).last()).toBeVisible();

  await password.fill(E2E.ownerPassword);
  await page.getByRole("button", { name: "Create my account" }).click();
  // Signed in, in the shop just set up (not the demo shop it also owns): an empty inbox that says what to do.
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/sites\/fern-thistle-plants$/);
  await expect(page.getByRole("heading", { name: "No requests yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Put the widget on your site" })).toHaveAttribute("href", "/admin/sites/fern-thistle-plants/install");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.context().storageState({ path: OWNER_STATE });
});
