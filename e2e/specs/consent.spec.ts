import { expect, test } from "@playwright/test";
import { OWNER_STATE } from "../support/owner-state.ts";
import { addSite, anySitePage } from "../support/sites.ts";

test.use({ storageState: OWNER_STATE });

// A fresh site, so the demo site's widget (shared by the other specs) is left alone.
test("consent is per channel: a tick required for call-backs is not forced on messages", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const key = await addSite(page, "Consent");
  await page.goto(`/admin/sites/${encodeURIComponent(key)}/settings`);
  const callbacks = page.getByRole("region", { name: "Call-backs" });
  await callbacks.getByLabel(/Shoppers must tick a box to agree to calls and texts/).check();
  await callbacks.getByLabel("What they agree to").fill("I agree that this shop may call and text me.");
  const saveBar = page.getByRole("region", { name: "Save settings" });
  await saveBar.getByRole("button", { name: "Save", exact: true }).click();
  await expect(saveBar.getByRole("status")).toContainText("Saved.");

  const shopper = await browser.newContext();
  const shop = await shopper.newPage();
  await shop.goto(anySitePage(key));
  await shop.getByRole("button", { name: "Contact us" }).click();
  const dialog = shop.getByRole("dialog");

  // Send a message: no box to tick, only the privacy line; and it sends.
  await dialog.getByRole("button", { name: "Send a message" }).click();
  await expect(dialog.getByRole("checkbox")).toHaveCount(0);
  await expect(dialog.getByText("We only use what you send us to answer you.")).toBeVisible();
  await dialog.getByLabel("Your name").fill("Ola Nordmann");
  await dialog.getByLabel("Email").fill("ola@example.com");
  await dialog.getByLabel("Your message").fill("Do you ship to Bergen?");
  await dialog.getByRole("button", { name: "Send message" }).click();
  await expect(dialog.getByText("Thanks, Ola!")).toBeVisible();

  // Call me back: the call-back's own box and wording, required.
  await shop.reload();
  await shop.getByRole("button", { name: "Contact us" }).click();
  await dialog.getByRole("button", { name: "Call me back" }).click();
  const box = dialog.getByRole("checkbox", { name: "I agree that this shop may call and text me." });
  await expect(box).toBeVisible();
  await dialog.getByLabel("Your name").fill("Ola Nordmann");
  await dialog.getByLabel("Phone number").fill("+1 212 555 0142");
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await box.check();
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
  await expect(dialog.getByText("Thanks, Ola!")).toBeVisible();
  await shopper.close();
});
