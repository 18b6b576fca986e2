import { expect, test } from "@playwright/test";
import { waitForSms } from "../support/twilio.ts";
import { uniqueName } from "../support/widget.ts";

// demo-site/hostile.html: `div { display: none !important }`, `* { all: unset !important }`, button rules
// with !important, `body > *` hidden. None of it may hide or restyle the widget.
test("on a page with hostile CSS the launcher shows, and the panel opens and sends", async ({ page }) => {
  await page.goto("/demo/hostile.html");
  const launcher = page.getByRole("button", { name: "Contact us" });
  await expect(launcher).toBeVisible();
  const host = page.locator("[data-beckon]");
  expect(await host.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  expect(await host.evaluate((el) => getComputedStyle(el).visibility)).toBe("visible");
  // Our own look, not the page's: not magenta, not 40 px, and in the corner of the viewport.
  const look = await launcher.evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, fontSize: s.fontSize, position: s.position };
  });
  expect(look.background).not.toBe("rgb(255, 0, 255)");
  expect(look.fontSize).toBe("15px");
  const box = (await launcher.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThan(viewport.width / 2);
  expect(box.y).toBeGreaterThan(viewport.height / 2);

  await launcher.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Call me back" }).click();
  const name = uniqueName("Hana");
  await dialog.getByLabel("Your name").fill(name);
  await dialog.getByLabel("Phone number").fill("+1 212 555 0199");
  await dialog.getByRole("button", { name: /send|call me/i }).last().click();
  await expect(dialog.getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
  await waitForSms(name);
});
