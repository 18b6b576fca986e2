// The owner's Language settings, on a site of its own (so the demo site's widget is left as it is).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { OWNER_STATE } from "../support/owner-state.ts";
import { addSite, anySitePage } from "../support/sites.ts";

test.use({ storageState: OWNER_STATE, locale: "en-US" });

test("an owner forces German: an English browser gets the German widget", async ({ page, browser }) => {
  test.slow();
  const key = await addSite(page, "Sprache");
  await page.goto(`/admin/sites/${encodeURIComponent(key)}/settings`);
  const section = page.getByRole("region", { name: "Language" });
  await expect(section.getByLabel("Default language")).toHaveValue("en");
  await expect(section.getByLabel("Always use")).toHaveValue("");
  const results = await new AxeBuilder({ page }).include("#language").analyze();
  expect(results.violations).toEqual([]);

  await section.getByLabel("Always use").selectOption("de");
  const bar = page.getByRole("region", { name: "Save settings" });
  await bar.getByRole("button", { name: "Save", exact: true }).click();
  await expect(bar.getByRole("status")).toContainText("Saved.");

  const shopper = await browser.newContext({ locale: "en-US" });
  const shop = await shopper.newPage();
  await shop.goto(anySitePage(key));
  await shop.getByRole("button", { name: "Kontakt" }).click();
  const dialog = shop.locator("[data-beckon]").getByRole("dialog");
  await expect(dialog).toHaveAttribute("lang", "de");
  await expect(dialog.getByRole("button", { name: "Rückruf anfordern" })).toBeVisible();
  await shopper.close();
});
