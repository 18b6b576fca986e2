import { expect, type Page } from "@playwright/test";

/** Opens the demo shop page and waits for the widget's launcher. */
export async function openShop(page: Page, path = "/demo/") {
  await page.goto(path);
  const launcher = page.getByRole("button", { name: "Contact us" });
  await expect(launcher).toBeVisible();
  return launcher;
}

/** A phone number unique to this test run, so specs never see each other's SMS. */
export function uniquePhone(): string {
  const n = String(Date.now() % 10_000_000).padStart(7, "0");
  return `+1 212 55${n.slice(0, 1)} ${n.slice(1, 5)}`;
}

/** A name unique to this test, to find its SMS and inbox row. */
export function uniqueName(first: string): string {
  return `${first} ${Math.random().toString(36).slice(2, 7).replace(/\d/g, "x")}`;
}
