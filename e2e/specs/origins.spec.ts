import { expect, test } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { addSite, anySitePage } from "../support/sites.ts";

test.use({ storageState: OWNER_STATE });

// The server answers on every loopback address: 127.0.0.1 and 127.0.0.2 are other origins than
// localhost (PUBLIC_URL), as a shop's own domain would be.
const shopOrigin = `http://127.0.0.1:${E2E.port}`;
const otherOrigin = `http://127.0.0.2:${E2E.port}`;

test("a freshly added site's widget works on a shop's own origin, and the install page shows where", async ({ page, browser }) => {
  test.setTimeout(90_000); // several pages in three browser contexts
  const key = await addSite(page);
  await expect(page.getByText("Not seen yet")).toBeVisible();

  // A shopper on the shop's own origin: the widget loads from the Beckon server's origin and works.
  const shopper = await browser.newContext();
  const shop = await shopper.newPage();
  await shop.goto(anySitePage(key, shopOrigin));
  const launcher = shop.getByRole("button", { name: "Contact us" });
  await expect(launcher).toBeVisible();
  await launcher.click();
  await expect(shop.getByRole("dialog")).toBeVisible();

  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText(`Last seen on ${shopOrigin}`)).toBeVisible();
  const row = page.locator(".origin-list li").filter({ hasText: shopOrigin });
  await expect(row).toContainText("Allowed");
  await expect(row).toContainText("first seen");

  // One click locks the widget to the sites it works on.
  await page.getByRole("button", { name: "Only allow these" }).click();
  await expect(page.getByText(`Only these sites can show the widget: ${shopOrigin}.`)).toBeVisible();

  // Another site reusing the key is refused, and the owner sees it in plain words with an allow action.
  const other = await shopper.newPage();
  const refused = other.waitForEvent("console", (m) => m.text().includes("Beckon: not shown"));
  await other.goto(anySitePage(key, otherOrigin));
  await refused;
  await expect(other.getByRole("button", { name: "Contact us" })).toHaveCount(0);
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText(`Blocked on ${otherOrigin} — allow it?`)).toBeVisible();
  await page.getByRole("button", { name: `Allow ${otherOrigin}` }).click();
  await expect(page.getByText(`Blocked on ${otherOrigin}`)).toHaveCount(0);
  await expect(page.getByText(`Only these sites can show the widget: ${shopOrigin}, ${otherOrigin}.`)).toBeVisible();
  // Config answers are cached by the browser for a minute: a fresh context sees the change at once.
  const fresh = await browser.newContext();
  const later = await fresh.newPage();
  await later.goto(anySitePage(key, otherOrigin));
  await expect(later.getByRole("button", { name: "Contact us" })).toBeVisible();
  await Promise.all([shopper.close(), fresh.close()]);
});
