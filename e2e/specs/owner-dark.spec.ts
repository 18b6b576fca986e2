// Issue #14, item 5 (owner app): dark mode follows the system (prefers-color-scheme), the owner can pick
// Light, Dark or Auto per browser, and the inbox, a request and the settings stay readable (axe-clean) in
// dark. Screenshots are kept with the test results.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { E2E } from "../support/env.ts";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { uniqueName } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE, colorScheme: "dark" });

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = "rgb(19, 22, 25)";
const LIGHT_BG = "rgb(246, 247, 248)";

/** axe over the page as it is, and a screenshot of it kept with the results. */
async function checkAndShoot(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, `axe on ${name} (dark)`).toEqual([]);
  const shot = testInfo.outputPath(`dark-${name}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach(`dark-${name}`, { path: shot, contentType: "image/png" });
}

test.describe("a dark system shows the owner app dark, axe-clean", () => {
  // axe walks long pages (the settings list every time zone); on a busy 2-core machine that is slow.
  test.describe.configure({ timeout: 180_000 });

  test("the inbox and a request", async ({ page }, testInfo) => {
    const name = uniqueName("Noor");
    const res = await page.request.post("/api/v1/sites/demo/callbacks", {
      headers: { Origin: E2E.baseUrl },
      data: { name, phone: "+14155550155", note: "Do you ship after dark?", altcha: await solvedChallenge(page.request) },
    });
    expect(res.status()).toBe(201);

    await page.goto(DEMO_INBOX);
    await expect(page.getByRole("list", { name: "Requests" }).getByRole("listitem").first()).toBeVisible();
    expect(await background(page)).toBe(DARK_BG);
    await checkAndShoot(page, testInfo, "inbox");

    await page.getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await checkAndShoot(page, testInfo, "request");
  });

  test("the settings, every section", async ({ page }, testInfo) => {
    await page.goto(`${DEMO_INBOX}/settings`);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Widget" })).toBeVisible();
    expect(await background(page)).toBe(DARK_BG);
    await checkAndShoot(page, testInfo, "settings");
  });
});

test("the owner's Light / Dark / Auto choice wins over the system, and is kept in this browser", async ({ page }) => {
  await page.goto(DEMO_INBOX);
  const picker = page.getByRole("combobox", { name: "Appearance" });
  await expect(picker).toHaveValue("auto");
  expect(await background(page)).toBe(DARK_BG);

  await picker.selectOption("light");
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Appearance" })).toHaveValue("light");
  expect(await background(page)).toBe(LIGHT_BG);

  // Dark on a light system, then back to following the system.
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("combobox", { name: "Appearance" }).selectOption("dark");
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.getByRole("combobox", { name: "Appearance" }).selectOption("auto");
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  expect(await page.evaluate(() => localStorage.getItem("beckon.theme"))).toBeNull();
});
