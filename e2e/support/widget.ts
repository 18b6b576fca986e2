import { expect, type Page } from "@playwright/test";

/** Opens the demo shop page and waits for the widget's launcher. */
export async function openShop(page: Page, path = "/demo/") {
  await page.goto(path);
  const launcher = page.getByRole("button", { name: "Contact us" });
  await expect(launcher).toBeVisible();
  return launcher;
}

/** Opens the demo widget at "Chat with us". */
export async function openChat(page: Page) {
  const launcher = await openShop(page);
  await launcher.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Chat with us" }).click();
  return { launcher, dialog };
}

/**
 * Starts a chat on the demo shop (name, first line, "Start chat") and waits for that line in the
 * conversation; `timeout` for that wait where the spec's pages are slower than expect's default.
 */
export async function startChat(page: Page, name: string, first: string, timeout?: number) {
  const { launcher, dialog } = await openChat(page);
  await dialog.getByLabel("Your name").fill(name);
  await dialog.getByLabel("How can we help?").fill(first);
  await dialog.getByRole("button", { name: "Start chat" }).click();
  const log = dialog.getByRole("log", { name: "Conversation" });
  await expect(log).toContainText(first, { timeout });
  return { launcher, dialog, log };
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
