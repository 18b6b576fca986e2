import type { Page } from "@playwright/test";

/** The demo site's inbox (the owner set up in first-run.setup.ts owns it). */
export const DEMO_INBOX = "/admin/sites/demo";

/** Fills and sends the demo widget's call-back form; returns once the shopper sees the thanks. */
export async function askForCallBack(shop: Page, who: { name: string; phone: string; note?: string }) {
  const dialog = shop.getByRole("dialog");
  const channel = dialog.getByRole("button", { name: "Call me back" });
  if (await channel.isVisible().catch(() => false)) await channel.click();
  await dialog.getByLabel("Your name").fill(who.name);
  await dialog.getByLabel("Phone number").fill(who.phone);
  if (who.note) await dialog.getByLabel(/What's it about/).fill(who.note);
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
}
