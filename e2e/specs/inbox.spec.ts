import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { E2E } from "../support/env.ts";
import { askForCallBack, DEMO_INBOX, OWNER_STATE } from "../support/owner.ts";
import { openShop, uniqueName } from "../support/widget.ts";

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

test.describe("signing in", () => {
  // A fresh browser, with its own session, so signing out cannot end the shared one.
  test("a wrong password is refused; the right one signs in; signing out ends the session", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Sign in to Beckon" })).toBeVisible();
    await page.getByLabel("Email").fill(E2E.ownerEmail);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("don't match an account");

    await page.getByLabel("Password").fill(E2E.ownerPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Beckon" })).toBeVisible();
    await page.goto(DEMO_INBOX);
    await expect(page.getByRole("heading", { name: "Sign in to Beckon" })).toBeVisible();
    expect((await page.request.get("/api/admin/session")).status()).toBe(401);
  });
});

test.describe("the inbox", () => {
  test.use({ storageState: OWNER_STATE });

  test("a call-back from the shop appears without a reload, and the owner marks it done", async ({ page, browser }) => {
    // The owner app runs under a strict CSP: no inline styles or scripts may be refused along the way.
    const refused: string[] = [];
    page.on("console", (m) => void (m.text().includes("Content Security Policy") && refused.push(m.text())));
    await page.goto(DEMO_INBOX);
    await expect(page.getByText("Live", { exact: true })).toBeVisible();

    const shopper = await browser.newPage();
    const name = uniqueName("Iris");
    await (await openShop(shopper)).click();
    await askForCallBack(shopper, { name, phone: "(415) 555-0142", note: "Repotting a fiddle leaf fig" });
    await expect(shopper.getByRole("dialog").getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
    await shopper.close();

    const row = page.getByRole("listitem").filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Repotting a fiddle leaf fig");
    // Phone numbers are shown the way people write them.
    await expect(row).toContainText("+1 415 555 0142");
    await expect(page.getByRole("status").filter({ hasText: `New call-back request from ${name}.` })).toBeAttached();

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Call +1 415 555 0142" })).toHaveAttribute("href", "tel:+14155550142");
    await expect(page.getByRole("region", { name: "Notifications" })).toContainText("SMS to you");
    await page.getByRole("button", { name: "Mark done" }).click();
    await expect(page.locator(".page-head .badge-done")).toHaveText("Done");
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Mara Lind moved it from new to done.");

    await page.getByRole("button", { name: "Reopen" }).click();
    await expect(page.locator(".page-head .badge-new")).toHaveText("New");
    await page.getByRole("button", { name: "Mark done" }).click();
    await expect(page.locator(".page-head .badge-done")).toHaveText("Done");

    await page.getByRole("link", { name: "← Inbox" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("Done");
    expect(refused).toEqual([]);
  });

  test("filters and search live in the URL", async ({ page }) => {
    const name = uniqueName("Quinn");
    const res = await page.request.post("/api/v1/sites/demo/callbacks", {
      headers: { Origin: E2E.baseUrl },
      data: { name, phone: "+14155550177", note: "Searchable", altcha: await solvedChallenge(page.request) },
    });
    expect(res.status()).toBe(201);
    await page.goto(DEMO_INBOX);
    await page.getByRole("searchbox").fill(name);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(name).replace(/%20/g, "\\+")}`));
    const rows = page.getByRole("list", { name: "Requests" }).getByRole("listitem");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(name);
    await page.reload();
    await expect(rows).toHaveCount(1);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page).toHaveURL(/status=done/);
    await expect(page.getByText("Nothing matches.")).toBeVisible();
  });

  test("axe finds no violations on the inbox, a request and a customer", async ({ page }) => {
    test.slow(); // three full axe passes over long pages
    const name = uniqueName("Axel");
    await page.request.post("/api/v1/sites/demo/callbacks", { headers: { Origin: E2E.baseUrl }, data: { name, phone: "+14155550188", altcha: await solvedChallenge(page.request) } });
    await page.goto(DEMO_INBOX);
    await expect(page.getByRole("list", { name: "Requests" }).getByRole("listitem").first()).toBeVisible();
    await noViolations(page);
    await page.getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await noViolations(page);
    await page.getByRole("link", { name: /customer since/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Everything they sent" })).toBeVisible();
    await noViolations(page);
  });

  test("on a phone (390×844) the inbox reads well", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [first, note] of [["Rosa", "Do you deliver on Saturdays?"], ["Sam", "Question about order 1234, the blue pot"]] as const) {
      await page.request.post("/api/v1/sites/demo/callbacks", { headers: { Origin: E2E.baseUrl }, data: { name: uniqueName(first), phone: "+14155550199", note, altcha: await solvedChallenge(page.request) } });
    }
    await page.goto(DEMO_INBOX);
    await expect(page.getByRole("list", { name: "Requests" }).getByRole("listitem").nth(1)).toBeVisible();
    // No sideways scrolling on a phone, down to 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath("inbox-390x844.png") });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("list", { name: "Requests" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 2, name: "Timeline" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath("request-390x844.png"), fullPage: true });
    await page.getByRole("link", { name: /customer since/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Everything they sent" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath("customer-390x844.png") });
  });
});
