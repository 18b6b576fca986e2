import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { OWNER_STATE } from "./owner-state.ts";

export { OWNER_STATE };

/** The demo site's inbox (the owner set up in first-run.setup.ts owns it). */
export const DEMO_INBOX = "/admin/sites/demo";

/**
 * A new browser context signed in as the owner (the state first-run.setup.ts saved), and a page in it.
 * For specs that need the owner beside another context; otherwise `test.use({ storageState: OWNER_STATE })`.
 */
export async function ownerPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: OWNER_STATE });
  return { context, page: await context.newPage() };
}

/**
 * Fills and sends the demo widget's call-back form (the launcher must have been clicked). The panel
 * may open on the form or on a list of channels first; both are fine. The caller checks the thanks.
 */
export async function askForCallBack(shop: Page, who: { name: string; phone: string; note?: string }) {
  const dialog = shop.getByRole("dialog");
  const name = dialog.getByLabel("Your name");
  // The form's own submit button is also "Call me back": only a panel without the form is a channel list.
  await expect(name.or(dialog.getByRole("button", { name: /call me back/i })).first()).toBeVisible();
  if (!(await name.isVisible())) await dialog.getByRole("button", { name: /call me back/i }).first().click();
  await name.fill(who.name);
  await dialog.getByLabel("Phone number").fill(who.phone);
  if (who.note) await dialog.getByLabel(/What's it about/).fill(who.note);
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
}
