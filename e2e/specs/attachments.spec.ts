import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect as baseExpect, test } from "@playwright/test";
import exifr from "exifr";
import { E2E } from "../support/env.ts";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { startChat, uniqueName } from "../support/widget.ts";

// A 640×480 JPEG whose EXIF says where it was taken (51.5034 N, 0.1275 W) and with which camera.
const photo = fileURLToPath(new URL("../fixtures/gps-photo.jpg", import.meta.url));
// Pages and the live stream are slow on a shared 2-core machine: give each check more than 5 s.
const SLOW_MS = 20_000;
const expect = baseExpect.configure({ timeout: SLOW_MS });
const PICKER = "Photos (JPEG, PNG, WebP) or PDF files, up to 5, 10 MB each";

test.describe("attachments", () => {
  test.use({ storageState: OWNER_STATE });
  // Several round trips, a proof of work and image decoding on a shared 2-core machine.
  test.slow();

  test("a shopper sends a photo from the keyboard; it arrives without its location and the owner sees the thumbnail", async ({ page: owner, browser }) => {
    expect(await exifr.gps(readFileSync(photo))).toMatchObject({ latitude: expect.closeTo(51.5, 1) });
    const shopperContext = await browser.newContext();
    const shopper = await shopperContext.newPage();
    const name = uniqueName("Priya");
    const { dialog, log } = await startChat(shopper, name, "The handle of my mug broke off", SLOW_MS);

    // "Add a photo or PDF" loads the picker on demand; focus lands on the real, labelled file input.
    const chunk = shopper.waitForRequest((r) => r.url().includes("/widget-files.js"));
    await dialog.getByRole("button", { name: "Add a photo or PDF" }).focus();
    await shopper.keyboard.press("Enter");
    await chunk;
    const input = dialog.getByLabel(PICKER);
    await expect(input).toBeFocused();
    await input.setInputFiles(photo);
    const chosen = dialog.getByRole("listitem").filter({ hasText: "gps-photo.jpg" });
    await expect(chosen.getByRole("button", { name: "Remove gps-photo.jpg" })).toBeVisible();
    // Removing and choosing again, all from the keyboard.
    await chosen.getByRole("button", { name: "Remove gps-photo.jpg" }).press("Enter");
    await expect(dialog.getByRole("button", { name: "Remove gps-photo.jpg" })).toHaveCount(0);
    await expect(input).toBeFocused();
    await input.setInputFiles(photo);
    await expect(dialog.getByRole("button", { name: "Remove gps-photo.jpg" })).toBeVisible();

    const composer = dialog.getByLabel("Your message");
    await composer.fill("Here it is");
    await composer.press("Enter");
    const thumb = log.getByRole("img", { name: "gps-photo.jpg" });
    await expect(thumb).toBeVisible();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(dialog.getByRole("button", { name: "Remove gps-photo.jpg" })).toHaveCount(0);

    // The owner opens the request: the thumbnail is in the transcript and opens the file.
    await owner.goto(DEMO_INBOX);
    const row = owner.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText("1 file");
    await row.getByRole("link").first().click();
    const ownerThumb = owner.getByRole("region", { name: "Chat" }).getByRole("img", { name: "gps-photo.jpg" });
    await expect(ownerThumb).toBeVisible();
    await expect.poll(() => ownerThumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const href = await ownerThumb.locator("xpath=ancestor::a[1]").getAttribute("href");
    const served = await owner.request.get(href!);
    expect(served.status()).toBe(200);
    expect(served.headers()["x-content-type-options"]).toBe("nosniff");

    // What was stored (and served) has no EXIF at all, so no place.
    const bytes = await served.body();
    expect(await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: true })).toBeUndefined();
    const fileId = href!.split("/").pop()!;
    expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
    const onDisk = readdirSync(E2E.filesDir).map((f) => readFileSync(path.join(E2E.filesDir, f)));
    expect(onDisk.some((b) => b.equals(bytes))).toBe(true);
    for (const stored of onDisk) expect(await exifr.gps(stored).catch(() => undefined)).toBeUndefined();

    // A stranger (no session) cannot read it.
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    expect((await stranger.request.get(`${E2E.baseUrl}${href}`)).status()).toBe(401);
    await stranger.close();
    await shopperContext.close();
  });

  test("an HTML page renamed .png, and a HEIC photo, are refused with a message that is announced", async ({ browser }) => {
    const shopperContext = await browser.newContext();
    const shopper = await shopperContext.newPage();
    const { dialog } = await startChat(shopper, uniqueName("Tom"), "Can I send you a picture?", SLOW_MS);
    await dialog.getByRole("button", { name: "Add a photo or PDF" }).click();
    const input = dialog.getByLabel(PICKER);
    const html = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    await input.setInputFiles({ name: "cute-cat.png", mimeType: "image/png", buffer: html });
    const alert = dialog.getByRole("alert").filter({ hasText: "Only photos (JPEG, PNG, WebP) and PDF files can be sent." });
    await expect(alert).toBeVisible();
    await expect(dialog.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

    await input.setInputFiles({ name: "IMG_0042.HEIC", mimeType: "image/heic", buffer: Buffer.from("....ftypheic") });
    await expect(dialog.getByRole("alert").filter({ hasText: "HEIC photos can't be sent." })).toBeVisible();
    await shopperContext.close();
  });
});
