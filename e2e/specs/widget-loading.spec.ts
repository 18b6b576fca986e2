import { expect, test, type Page } from "@playwright/test";
import { openShop } from "../support/widget.ts";

// What a page view costs the shop's visitors: the panel (widget-panel.js) only on intent, the launcher
// at once (from the look saved from the last config), answers compressed.

/** Every request for the panel this page makes. */
const panelRequests = (page: Page) => {
  const urls: string[] = [];
  page.on("request", (r) => void (r.url().includes("/widget-panel.js") && urls.push(r.url())));
  return urls;
};

/** Resolves once the browser has been idle after load, and a little more: when an idle-time prefetch would have run. */
const idleAfterLoad = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500), { timeout: 6000 })));

test("a page view nobody touches does not fetch the panel; pointing at the launcher does, and the config comes gzipped", async ({ page }) => {
  const panel = panelRequests(page);
  const config = page.waitForResponse(/\/api\/v1\/sites\/demo\/config(\?|$)/);
  const launcher = await openShop(page);
  expect((await config).headers()["content-encoding"]).toBe("gzip");
  await page.waitForLoadState("load");
  await idleAfterLoad(page);
  expect(panel).toEqual([]);

  const fetched = page.waitForResponse(/\/widget-panel\.js\?v=/);
  await launcher.hover();
  expect((await fetched).headers()["content-encoding"]).toMatch(/^(br|gzip)$/);
  expect(panel).toHaveLength(1);
});

test("focus on the launcher fetches the panel too", async ({ page }) => {
  const panel = panelRequests(page);
  const launcher = await openShop(page);
  await idleAfterLoad(page);
  expect(panel).toEqual([]);
  const fetched = page.waitForRequest(/\/widget-panel\.js\?v=/);
  await launcher.focus();
  await fetched;
});

test("a second page view draws the launcher from the saved config before the config answers, then takes the fresh one", async ({ page }) => {
  await openShop(page);
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem("beckon:demo:config") ?? "null"));
  await expect.poll(saved).toMatchObject({ v: 1, launcherLabel: "Contact us", position: "right" });

  // The look an earlier config left behind, different from today's, so it is plain which one is drawn.
  await page.evaluate(() => localStorage.setItem("beckon:demo:config", JSON.stringify({ v: 1, launcherLabel: "Ask us", accent: "#7a1fa2", position: "left" })));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/api\/v1\/sites\/demo\/config(\?|$)/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto("/demo/");
  const early = page.getByRole("button", { name: "Ask us" });
  await expect(early).toBeVisible();
  await expect.poll(() => asked).toBe(true); // the config is on its way (asked just after the launcher's first frame), not answered
  expect(await early.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(122, 31, 162)");
  const viewport = page.viewportSize()!;
  expect((await early.boundingBox())!.x).toBeLessThan(viewport.width / 2);

  release();
  const launcher = page.getByRole("button", { name: "Contact us" });
  await expect(launcher).toBeVisible();
  await expect.poll(async () => (await launcher.boundingBox())!.x).toBeGreaterThan(viewport.width / 2);
  await expect.poll(saved).toMatchObject({ v: 1, launcherLabel: "Contact us", position: "right" });
  // And it opens as ever.
  await launcher.click();
  await expect(page.getByRole("dialog")).toBeVisible();
});

test("pointing at the launcher draws the panel ahead of the click, hidden from eyes, keys and screen readers; the click only shows it", async ({ page }) => {
  const launcher = await openShop(page);
  await launcher.hover();
  // Built and laid out behind the launcher, but not on screen, inert, and not in the accessibility tree.
  const panel = page.locator("beckon-widget #beckon-panel");
  await expect(panel).toBeAttached();
  await expect(panel.getByRole("button", { name: "Call me back", includeHidden: true })).toBeAttached();
  await expect(panel).toBeHidden();
  await expect(panel).toHaveJSProperty("inert", true);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  // Tab from the launcher does not step into it.
  await launcher.focus();
  await page.keyboard.press("Tab");
  expect(await panel.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement))).toBe(false);

  await launcher.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(panel).toHaveJSProperty("inert", false);
  await expect(dialog.getByRole("button", { name: "Call me back" })).toBeFocused();
  // Closing hides it again the same way, and focus goes back to the launcher.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(panel).toHaveJSProperty("inert", true);
  await expect(launcher).toBeFocused();
});

test("on a phone, the hidden full-screen sheet drawn on intent does not catch the page's taps", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const launcher = await openShop(page);
  await launcher.focus();
  await expect(page.locator("beckon-widget #beckon-panel")).toBeAttached();
  // The sheet covers the screen (position: fixed; inset: 0), laid out but hidden: the page is still what is under a finger.
  const hit = await page.evaluate(() => document.elementFromPoint(195, 200)?.tagName);
  expect(hit).not.toBe("BECKON-WIDGET");
  await launcher.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await page.evaluate(() => document.elementFromPoint(195, 200)?.tagName)).toBe("BECKON-WIDGET");
});
