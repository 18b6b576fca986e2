import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { waitForSms } from "../support/twilio.ts";
import { openShop, uniqueName } from "../support/widget.ts";

test.describe("call me back", () => {
  test("a shopper asks for a call back and the owner's phone gets the SMS", async ({ page }) => {
    const launcher = await openShop(page);
    await launcher.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Call me back" }).click();
    const name = uniqueName("Jane");
    await dialog.getByLabel("Your name").fill(name);
    await dialog.getByLabel("Phone number").fill("(415) 555-0123");
    await dialog.getByLabel("What's it about?").fill("Which pot suits a monstera?");
    await dialog.getByRole("button", { name: /send|call me/i }).last().click();
    await expect(dialog.getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();

    const sms = await waitForSms(name);
    expect(sms.to).toBe(E2E.ownerPhone);
    expect(sms.from).toBe(E2E.twilioFrom);
    expect(sms.body).toContain(`${name} +14155550123`);
    expect(sms.body).toContain("Which pot suits a monstera?");
  });

  test("an impossible phone number shows the server's message at the field", async ({ page }) => {
    const launcher = await openShop(page);
    await launcher.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Call me back" }).click();
    await dialog.getByLabel("Your name").fill("Typo Tom");
    const phone = dialog.getByLabel("Phone number");
    await phone.fill("555-12");
    await dialog.getByRole("button", { name: /send|call me/i }).last().click();
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText(/doesn't look like a real phone number|using digits/)).toBeVisible();
    await expect(phone).toBeFocused();
  });

  test("the whole flow works by keyboard alone, and Escape returns focus to the launcher", async ({ page }) => {
    const launcher = await openShop(page);
    await launcher.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    // Focus is inside the panel; move to the channel and choose it.
    const callMeBack = dialog.getByRole("button", { name: "Call me back" });
    while (!(await callMeBack.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const name = uniqueName("Kim");
    await expect(dialog.getByLabel("Your name")).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Country")).toBeFocused(); // the number's country comes first
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Phone number")).toBeFocused();
    await page.keyboard.type("+1 212 555 0175");
    // Tab on to the submit button, typing nothing else, then send.
    const submit = dialog.getByRole("button", { name: /send|call me/i }).last();
    for (let i = 0; i < 12 && !(await submit.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(dialog.getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
    await waitForSms(name);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(launcher).toBeFocused();
  });

  test("axe finds no accessibility violations in the open widget", async ({ page }) => {
    test.slow(); // axe over the whole open panel takes long on a busy 2-core machine
    const launcher = await openShop(page);
    await launcher.click();
    const results = await new AxeBuilder({ page }).include("[data-beckon]").analyze();
    expect(results.violations).toEqual([]);
    await page.getByRole("dialog").getByRole("button", { name: "Call me back" }).click();
    const form = await new AxeBuilder({ page }).include("[data-beckon]").analyze();
    expect(form.violations).toEqual([]);
  });

  test("works on a page whose Content-Security-Policy forbids inline scripts and styles", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to/.test(msg.text())) violations.push(msg.text());
    });
    const response = await page.goto("/demo/strict-csp.html");
    expect(response!.headers()["content-security-policy"]).toContain("style-src 'self'");
    const launcher = page.getByRole("button", { name: "Contact us" });
    await launcher.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Call me back" }).click();
    const name = uniqueName("Csp");
    await dialog.getByLabel("Your name").fill(name);
    await dialog.getByLabel("Phone number").fill("+1 212 555 0175");
    await dialog.getByRole("button", { name: /send|call me/i }).last().click();
    await expect(dialog.getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
    // Styled despite the CSP: the launcher has the accent background from the adopted stylesheet.
    const background = await launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(31, 111, 92)");
    expect(violations).toEqual([]);
  });

  test("installing the snippet twice shows one launcher", async ({ page }) => {
    await page.goto("/demo/twice.html", { waitUntil: "load" }); // load waits for both async copies to run
    await expect(page.getByRole("button", { name: "Contact us" })).toHaveCount(1);
    expect(await page.locator("[data-beckon]").count()).toBe(1);
  });

  test("the host page can open the widget before it has loaded (queue stub)", async ({ page }) => {
    // Hold widget.js back (the real file, only delayed) so the click lands while the stub is queuing.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/widget.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/demo/", { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: "Ask for a call back" }).click();
    expect(await page.evaluate(() => (window as unknown as { Beckon: { q?: unknown[] } }).Beckon.q?.length)).toBe(1);
    release();
    await expect(page.getByRole("dialog").getByLabel("Phone number")).toBeVisible();
  });

  test("below 480 px the panel is a full-screen sheet", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    const launcher = await openShop(page);
    await launcher.click();
    const dialog = page.getByRole("dialog");
    // Polled: the sheet slides in, so its box settles a moment after it appears.
    await expect
      .poll(async () => {
        const box = await dialog.boundingBox();
        return box && [box.x, box.y, box.width, box.height].map(Math.round);
      })
      .toEqual([0, 0, 375, 740]);
    // The sheet covers the page, so it is modal: Tab and Shift+Tab wrap inside it.
    await expect(dialog).toHaveAttribute("aria-modal", "true");
    const close = dialog.getByRole("button", { name: "Close" });
    const last = dialog.getByRole("button", { name: "Chat with us" }); // the last channel
    await last.focus();
    await page.keyboard.press("Tab");
    await expect(close).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(last).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(launcher).toBeFocused();
  });

  test("on a wide screen the panel is not modal and Tab may leave it", async ({ page }) => {
    const launcher = await openShop(page);
    await launcher.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Call me back" })).toBeFocused();
    expect(await dialog.getAttribute("aria-modal")).toBeNull();
  });

  test("the panel is fetched when the pointer reaches the launcher, before the shopper opens it", async ({ page }) => {
    const panel = page.waitForRequest((r) => new URL(r.url()).pathname === "/widget-panel.js");
    await (await openShop(page)).hover();
    expect(new URL((await panel).url()).searchParams.get("v")).toMatch(/^[0-9a-f]{10}$/);
  });

  test("if the panel cannot load, the launcher says so instead of doing nothing, and tries again", async ({ page }) => {
    const warnings: string[] = [];
    page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
    await page.route("**/widget-panel.js?**", (route) => route.abort());
    const launcher = await openShop(page);
    await launcher.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("alert")).toHaveText(/did not load/);
    expect(warnings.filter((w) => w.includes("the panel did not load")).length).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(launcher).toBeFocused();
    await page.unroute("**/widget-panel.js?**");
    await launcher.click();
    await expect(dialog.getByRole("button", { name: "Call me back" })).toBeVisible();
    await expect(dialog.getByRole("alert")).toHaveCount(0);
  });
});
