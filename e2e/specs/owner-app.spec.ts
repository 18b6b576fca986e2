import { expect, test } from "@playwright/test";
import { OWNER_STATE } from "../support/owner-state.ts";

test.use({ storageState: OWNER_STATE });

test("after setup the owner is in their own shop, and the demo shop's requests are one switch away, marked as the demo", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sites\/fern-thistle-plants$/);
  const switcher = page.getByRole("combobox", { name: "Site" });
  await expect(switcher.getByRole("option", { name: "Fern & Thistle Plants" })).toBeAttached();
  await expect(switcher.getByRole("option", { name: /\(demo shop\)$/ })).toBeAttached();
  await switcher.selectOption({ label: (await switcher.getByRole("option", { name: /\(demo shop\)$/ }).textContent())! });
  await expect(page).toHaveURL(/\/admin\/sites\/demo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
});
