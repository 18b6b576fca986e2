// Changes the demo site's look and availability, so it runs in the "site-changes" project, after the
// specs that use the demo widget in parallel.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { waitForMail } from "../support/mail.ts";
import { E2E } from "../support/env.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { sentMessages } from "../support/twilio.ts";
import { openShop, uniquePhone } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE });
test.describe.configure({ mode: "serial" });

const SETTINGS = "/admin/sites/demo/settings";

/** The sticky "Unsaved changes · Save · Discard" bar. */
const saveBar = (page: Page) => page.getByRole("region", { name: "Save settings" });

async function saveAll(page: Page) {
  await saveBar(page).getByRole("button", { name: "Save", exact: true }).click();
  await expect(saveBar(page).getByRole("status")).toContainText("Saved.");
}

async function openSettings(page: Page) {
  await page.goto(SETTINGS);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your site" })).toBeVisible();
}

test.describe("site settings", () => {
  test("the settings page has no accessibility violations", async ({ page }) => {
    // axe walks a long page (every time zone is an option): on a busy 2-core machine that can take 30 s.
    test.slow();
    await openSettings(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test("one save for the whole page: bad values come back at their fields, with focus on the first", async ({ page }) => {
    test.slow();
    await openSettings(page);
    await expect(saveBar(page).getByText("Unsaved changes")).toHaveCount(0);
    const widget = page.getByRole("region", { name: "Widget" });
    const accent = widget.getByLabel("Accent colour", { exact: true });
    await accent.fill("#777777");
    // The live check says it before the server does.
    await expect(widget.getByText(/too low \(needs 4\.5:1\)/)).toBeVisible();
    const site = page.getByRole("region", { name: "Your site" });
    const phone = site.getByLabel("Owner mobile number");
    const savedPhone = await phone.inputValue();
    await phone.fill("12");
    await expect(saveBar(page).getByText("Unsaved changes")).toBeVisible();
    await saveBar(page).getByRole("button", { name: "Save", exact: true }).click();
    // Both come back from one save; focus goes to the first on the page.
    await expect(phone).toBeFocused();
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await expect(site.locator(".field-error")).toContainText(/phone number/i);
    await expect(accent).toHaveAttribute("aria-invalid", "true");
    await expect(widget.getByText(/Neither white nor dark text is easy to read on #777777/)).toBeVisible();
    await expect(saveBar(page).getByRole("alert")).toContainText("Please check the highlighted fields.");
    // Discard puts every section back as saved.
    await saveBar(page).getByRole("button", { name: "Discard" }).click();
    await expect(phone).toHaveValue(savedPhone);
    await expect(accent).toHaveValue("#1f6f5c");
    await expect(saveBar(page).getByText("Unsaved changes")).toHaveCount(0);
  });

  test("unsaved edits are never lost silently: leaving asks first", async ({ page }) => {
    test.slow();
    // Arrive in the app (so "back" is a move inside it, not out of it).
    await page.goto("/admin/sites/demo");
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("region", { name: "Widget" })).toBeVisible();
    const greeting = page.getByRole("region", { name: "Widget" }).getByLabel("Greeting");
    await greeting.fill("Hello from the unsaved draft");
    await expect(saveBar(page).getByText("Unsaved changes")).toBeVisible();
    await expect(saveBar(page)).toHaveCSS("position", "sticky");

    // An in-app link: "Stay" keeps the page and the edit.
    const asked: string[] = [];
    page.once("dialog", (d) => (asked.push(d.message()), void d.dismiss()));
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Inbox" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/unsaved changes/i);
    await expect(page).toHaveURL(/\/settings$/);
    await expect(greeting).toHaveValue("Hello from the unsaved draft");

    // Back in the browser: asked too, and staying keeps the URL and the edit.
    page.once("dialog", (d) => (asked.push(d.type()), void d.dismiss()));
    await page.goBack({ waitUntil: "commit" }).catch(() => undefined);
    await expect.poll(() => asked.at(-1)).toBe("confirm");
    await expect(page).toHaveURL(/\/settings$/);
    await expect(greeting).toHaveValue("Hello from the unsaved draft");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

    // Leaving anyway drops the edit; nothing was saved.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Inbox" }).click();
    await expect(page).toHaveURL(/\/admin\/sites\/demo$/);
    await openSettings(page);
    await expect(page.getByRole("region", { name: "Widget" }).getByLabel("Greeting")).not.toHaveValue("Hello from the unsaved draft");

    // Reloading or closing the tab with unsaved edits: the browser's own warning.
    // (Chromium asks only on a page the person has interacted with: a real click, not just typed text.)
    await page.getByRole("region", { name: "Widget" }).getByLabel("Greeting").click();
    await page.getByRole("region", { name: "Widget" }).getByLabel("Greeting").fill("Another unsaved draft");
    const warned = new Promise<string>((resolve) => page.once("dialog", (d) => (resolve(d.type()), void d.dismiss())));
    // Staying cancels the reload, so it never settles: do not wait for it.
    void page.reload({ waitUntil: "commit" }).catch(() => undefined);
    expect(await warned).toBe("beforeunload");
    await expect(page.getByRole("region", { name: "Widget" }).getByLabel("Greeting")).toHaveValue("Another unsaved draft");
  });

  test("a member sees the settings read-only, and who can change them", async ({ page, browser }) => {
    await page.goto("/admin");
    const { csrfToken } = await (await page.request.get("/api/admin/session")).json();
    const email = `member-${Date.now()}@shop.example`;
    // People join by invitation only: invite, then accept through the emailed one-time link.
    const invited = await page.request.post("/api/admin/sites/demo/members", {
      headers: { "X-CSRF-Token": csrfToken },
      data: { email, role: "member" },
    });
    expect(invited.ok()).toBe(true);
    const mail = await waitForMail(email, "invited you");
    const token = /\/admin\/invite#([\w-]+)/.exec(mail.text)![1];

    const context = await browser.newContext();
    const member = await context.newPage();
    expect((await member.request.post("/api/admin/invites/accept", { data: { token, name: "Mo Member", password: "member password 1" } })).ok()).toBe(true);
    await openSettings(member);
    await expect(member.getByRole("note")).toContainText("Only the site's owners can change these settings");
    await expect(member.getByRole("note")).toContainText("Mara Lind");
    await expect(member.getByRole("region", { name: "Widget" }).getByLabel("Greeting")).toBeDisabled();
    await expect(member.getByRole("region", { name: "Your site" }).getByLabel("Display name")).toBeDisabled();
    await expect(saveBar(member)).toHaveCount(0);
    await context.close();
  });

  test("a light brand colour is accepted, and the widget puts dark text on it", async ({ page }) => {
    await openSettings(page);
    const widget = page.getByRole("region", { name: "Widget" });
    await widget.getByLabel("Accent colour", { exact: true }).fill("#f5c542");
    await expect(widget.getByText(/with dark text: passes/)).toBeVisible();
    await expect(widget.locator(".launcher-sample")).toHaveCSS("color", "rgb(26, 26, 26)");
    await saveAll(page);

    const launcher = await openShop(page);
    await expect(launcher).toHaveCSS("background-color", "rgb(245, 197, 66)");
    await expect(launcher).toHaveCSS("color", "rgb(26, 26, 26)");
  });

  test("a new accent colour reaches the widget on its next load", async ({ page }) => {
    await openSettings(page);
    const widget = page.getByRole("region", { name: "Widget" });
    await widget.getByLabel("Accent colour", { exact: true }).fill("#6b2fa3");
    await expect(widget.getByText(/with white text: passes/)).toBeVisible();
    await saveAll(page);

    const launcher = await openShop(page);
    await expect(page.locator("[data-beckon]").getByRole("button", { name: "Contact us" })).toBeVisible();
    await expect(launcher).toHaveCSS("background-color", "rgb(107, 47, 163)");
    await expect(launcher).toHaveCSS("color", "rgb(255, 255, 255)");
  });

  test("an ordinary phone photo (1.7 MB) is shrunk in the browser, accepted and shown", async ({ page }) => {
    await openSettings(page);
    // A noisy 820×700 PNG: about the size of a phone photo, and far over the server's 256 KB.
    const png = Buffer.from(
      await page.evaluate(async () => {
        const canvas = document.createElement("canvas");
        canvas.width = 820;
        canvas.height = 700;
        const ctx = canvas.getContext("2d")!;
        const pixels = ctx.createImageData(canvas.width, canvas.height);
        for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : (Math.random() * 256) | 0;
        ctx.putImageData(pixels, 0, 0);
        const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let text = "";
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      }),
      "base64",
    );
    expect(png.length).toBeGreaterThan(1_500_000);
    const widget = page.getByRole("region", { name: "Widget" });
    await widget.locator('input[type="file"]').setInputFiles({ name: "IMG_2041.png", mimeType: "image/png", buffer: png });
    await expect(widget.getByRole("status").filter({ hasText: "Photo saved." })).toBeVisible();

    // What the server stored: a small square WebP, served to the widget and shown on the page.
    const config = await (await page.request.get("/api/v1/sites/demo/config")).json();
    const photo = await page.request.get(config.owner.photoUrl);
    expect(photo.headers()["content-type"]).toBe("image/webp");
    expect((await photo.body()).length).toBeLessThan(256 * 1024);
    await openSettings(page);
    const shown = page.getByRole("region", { name: "Widget" }).getByRole("img", { name: /Your photo/ });
    await expect(shown).toBeVisible();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([256, 256]);
  });

  test("the shopper's link page looks like the widget, fits a 375 px phone, and shows times in the shopper's zone", async ({ page, browser }) => {
    test.slow();
    // Texts to shoppers on (they carry the link), through the owner's API.
    await page.goto("/admin");
    const { csrfToken } = await (await page.request.get("/api/admin/session")).json();
    const put = await page.request.put("/api/admin/sites/demo/settings", {
      headers: { "X-CSRF-Token": csrfToken },
      data: { settings: { shopperSms: { enabled: true, dailyCap: 50, countries: ["US"] } } },
    });
    expect(put.ok()).toBe(true);
    const config = await (await page.request.get("/api/v1/sites/demo/config")).json();
    const slot: string = config.callback.slots[0];
    expect(slot).toBeTruthy();

    // A shopper in London, on a phone.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, timezoneId: "Europe/London", locale: "en-GB", deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const shopper = await phone.newPage();
    const number = uniquePhone().replace(/\s/g, "");
    const asked = await shopper.request.post("/api/v1/sites/demo/callbacks", {
      headers: { Origin: E2E.baseUrl },
      data: { name: "Lena Brook", phone: number, when: slot, consent: true, timeZone: "Europe/London", altcha: await solvedChallenge(shopper.request) },
    });
    expect(asked.ok()).toBe(true);
    let link = "";
    await expect
      .poll(async () => (link = (await sentMessages()).find((m) => m.to === number)?.body.match(/\/c\/\S+/)?.[0] ?? ""), { timeout: 15_000 })
      .not.toBe("");

    await shopper.goto(link);
    await expect(shopper.getByRole("heading", { level: 1, name: "Your call-back" })).toBeVisible();
    // In London time and words, as the shopper's browser formats it.
    const london = await shopper.evaluate(
      (iso) => new Intl.DateTimeFormat("en", { timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" }).format(new Date(iso)),
      slot,
    );
    await expect(shopper.locator(".when")).toHaveText(london);
    await expect(shopper.getByText("Times are in your time zone (Europe/London).")).toBeVisible();
    // Styled like the widget: the shop's accent and name on top, with the text colour chosen for it.
    const header = shopper.locator("header.shop");
    await expect(header).toContainText(config.name);
    await expect(header).toHaveCSS("background-color", "rgb(107, 47, 163)");
    await expect(header.locator(".shop-name")).toHaveCSS("color", "rgb(255, 255, 255)");
    await shopper.screenshot({ path: test.info().outputPath("link-page-375.png"), fullPage: true });
    await test.info().attach("link page at 375 px", { path: test.info().outputPath("link-page-375.png"), contentType: "image/png" });

    // Checked by layout: nothing wider than the phone, thumb-sized full-width buttons, readable text.
    expect(await shopper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const name of ["Move my call-back", "Cancel my call-back"]) {
      const box = (await shopper.getByRole("button", { name }).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(300);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    const select = (await shopper.getByLabel("Move it to another time").boundingBox())!;
    expect(select.x + select.width).toBeLessThanOrEqual(375);
    expect(parseFloat(await shopper.locator("body").evaluate((b) => getComputedStyle(b).fontSize))).toBeGreaterThanOrEqual(16);

    // The CSP holds: no refused style or script on the page.
    const refused: string[] = [];
    shopper.on("console", (m) => m.type() === "error" && refused.push(m.text()));
    await shopper.reload();
    await expect(shopper.locator(".when")).toHaveText(london);
    expect(refused).toEqual([]);
    await phone.close();
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
    await saveAll(page);
    await expect(away.getByText(/^Away now, until/)).toBeVisible();
    // The inbox says so too, while it lasts.
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Inbox" }).click();
    await expect(page.getByRole("note").filter({ hasText: /^Away until/ })).toBeVisible();

    const launcher = await openShop(page);
    await launcher.click();
    await expect(page.getByRole("dialog")).toContainText(message);
  });
});
