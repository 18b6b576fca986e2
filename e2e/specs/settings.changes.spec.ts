// Changes the demo site's look and availability, so it runs in the "site-changes" project, after the
// specs that use the demo widget in parallel.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE } from "../support/owner-state.ts";
import { openShop } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE });
test.describe.configure({ mode: "serial" });

const SETTINGS = "/admin/sites/demo/settings";

async function openSettings(page: Page) {
  await page.goto(SETTINGS);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your site" })).toBeVisible();
}

test.describe("site settings", () => {
  test("the settings page has no accessibility violations", async ({ page }) => {
    await openSettings(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test("bad values come back at their fields, with focus on the first", async ({ page }) => {
    await openSettings(page);
    const widget = page.getByRole("region", { name: "Widget" });
    const accent = widget.getByLabel("Accent colour", { exact: true });
    await accent.fill("#ffee00");
    // The live check says it before the server does.
    await expect(widget.getByText(/too low \(needs 4\.5:1\)/)).toBeVisible();
    await widget.getByRole("button", { name: "Save Widget" }).click();
    await expect(accent).toHaveAttribute("aria-invalid", "true");
    await expect(accent).toBeFocused();
    await expect(widget.getByText(/White text on #ffee00 is hard to read/)).toBeVisible();
    await expect(widget.getByRole("alert")).toContainText("Please check the highlighted fields.");

    const site = page.getByRole("region", { name: "Your site" });
    const phone = site.getByLabel("Owner mobile number");
    await phone.fill("12");
    await site.getByRole("button", { name: "Save Your site" }).click();
    await expect(phone).toBeFocused();
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await expect(site.locator(".field-error")).toContainText(/phone number/i);
  });

  test("a new accent colour reaches the widget on its next load", async ({ page }) => {
    await openSettings(page);
    const widget = page.getByRole("region", { name: "Widget" });
    await widget.getByLabel("Accent colour", { exact: true }).fill("#6b2fa3");
    await expect(widget.getByText(/with white text: passes/)).toBeVisible();
    await widget.getByRole("button", { name: "Save Widget" }).click();
    await expect(widget.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    const launcher = await openShop(page);
    await expect(page.locator("[data-beckon]").getByRole("button", { name: "Contact us" })).toBeVisible();
    await expect(launcher).toHaveCSS("background-color", "rgb(107, 47, 163)");
  });

  test("away mode: the open widget says the shop is away", async ({ page }) => {
    await openSettings(page);
    const away = page.getByRole("region", { name: "Away mode" });
    await away.getByLabel("I'm away").check();
    // Three days on is in the future in every time zone the site could be in.
    const back = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await away.getByLabel("Back on").fill(`${back}T09:00`);
    const message = "Gone to the spring fair. Leave a message and we'll answer when we're back.";
    await away.getByLabel("Away message").fill(message);
    await away.getByRole("button", { name: "Save Away mode" }).click();
    await expect(away.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(away.getByText(/^Away now, until/)).toBeVisible();

    const launcher = await openShop(page);
    await launcher.click();
    await expect(page.getByRole("dialog")).toContainText(message);
  });
});
