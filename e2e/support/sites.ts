import { expect, type Page } from "@playwright/test";
import { E2E } from "./env.ts";

/** Adds a site through "Add a site" as the signed-in owner; the page ends on its install page. Returns its key. */
export async function addSite(page: Page, prefix = "Corner"): Promise<string> {
  await page.goto("/admin/new-site");
  await page.getByLabel("Site name").fill(`${prefix} ${Math.random().toString(36).slice(2, 7).replace(/\d/g, "x")}`);
  await page.getByRole("button", { name: "Add site" }).click();
  await expect(page).toHaveURL(/\/install$/);
  return decodeURIComponent(/\/sites\/([^/]+)\/install$/.exec(page.url())![1]!);
}

/** The demo page that installs any site's widget, on `origin` (default: the server's own). */
export const anySitePage = (key: string, origin: string = E2E.baseUrl) => `${origin}/demo/any-site.html?site=${encodeURIComponent(key)}`;
