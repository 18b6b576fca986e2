import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { openShop } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE });

test.describe("install page", () => {
  test("shows the snippet, and where the widget was last seen once a page loaded it", async ({ page }) => {
    await openShop(page);
    await page.goto("/admin/sites/demo/install");
    await expect(page.getByRole("heading", { level: 1, name: "Install the widget" })).toBeVisible();
    const snippet = page.getByRole("region", { name: "Copy this snippet" }).locator("pre");
    // The snippet carries the site's colour, so a first page view draws the launcher in it at once.
    await expect(snippet).toHaveText(new RegExp(`<script src="${E2E.baseUrl}/widget.js" data-site="demo" data-color="#[0-9a-f]{6}"( data-label="[^"]+")? async></script>`, "i"));
    await expect(page.getByText(`Last seen on ${E2E.baseUrl}`)).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test("copies the snippet and says so", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/admin/sites/demo/install");
    await page.getByRole("button", { name: "Copy the snippet" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('data-site="demo"');
  });
});
