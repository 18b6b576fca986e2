import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test } from "@playwright/test";
import exifr from "exifr";
import { E2E } from "../support/env.ts";
import { waitForMail } from "../support/mail.ts";
import { waitForSms } from "../support/twilio.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { openShop, uniqueName } from "../support/widget.ts";

// Issue #14: photos with "Send a message", the owner's side of them, and the owner's answer with a file.

// A 640×480 JPEG whose EXIF says where it was taken (51.5034 N, 0.1275 W) and with which camera.
const photo = fileURLToPath(new URL("../fixtures/gps-photo.jpg", import.meta.url));
// Pages, mail and image decoding are slow on a shared 2-core machine: give each check more than 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });
const PICKER = "Photos (JPEG, PNG, WebP) or PDF files, up to 5, 10 MB each";

test.describe("a message with a photo", () => {
  test.use({ storageState: OWNER_STATE });
  test.slow();

  test("a shopper attaches a photo in Send a message; the owner is told, sees the thumbnail, and answers with a file", async ({ page: owner, browser }) => {
    expect(await exifr.gps(readFileSync(photo))).toMatchObject({ latitude: expect.closeTo(51.5, 1) });
    const shopperContext = await browser.newContext();
    const shopper = await shopperContext.newPage();
    await (await openShop(shopper)).click();
    const dialog = shopper.getByRole("dialog");
    await dialog.getByRole("button", { name: "Send a message" }).click();
    const name = uniqueName("Noor");
    const email = `${name.toLowerCase().replace(/\s+/g, ".")}@shopper.example`;
    await dialog.getByLabel("Your name").fill(name);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Your message").fill(`The lid of my teapot cracked (${name})`);

    // The picker is the chat's, loaded on the first press; focus lands on the labelled file input.
    const chunk = shopper.waitForRequest((r) => r.url().includes("/widget-files.js"));
    await dialog.getByRole("button", { name: "Add a photo or PDF" }).click();
    await chunk;
    const input = dialog.getByLabel(PICKER);
    await expect(input).toBeFocused();
    await input.setInputFiles(photo);
    await expect(dialog.getByRole("button", { name: "Remove gps-photo.jpg" })).toBeVisible();
    expect((await new AxeBuilder({ page: shopper }).include("[data-beckon]").analyze()).violations).toEqual([]);

    const sent = shopper.waitForRequest((r) => r.url().endsWith("/messages/files") && r.method() === "POST");
    await dialog.getByRole("button", { name: "Send message" }).click();
    await sent;
    await expect(dialog.getByRole("heading", { name: `Thanks, ${name.split(" ")[0]}!` })).toBeFocused();

    // The owner's SMS says there is a photo; their email links it, and the link serves it without its place.
    const sms = await waitForSms(name);
    expect(sms.body.split("\n")[0]).toMatch(/\+1 photo$/);
    const ownerMail = await waitForMail(E2E.ownerEmail, `The lid of my teapot cracked (${name})`);
    const link = new RegExp(`gps-photo\\.jpg: (${E2E.baseUrl}/f/\\S+)`).exec(ownerMail.text)?.[1];
    expect(link).toBeDefined();
    const linked = await owner.request.get(link!);
    expect(linked.status()).toBe(200);
    expect(await exifr.gps(await linked.body()).catch(() => undefined)).toBeUndefined();

    // The request page shows the thumbnail with the message's details.
    const requestId = new RegExp(`${E2E.baseUrl}/admin/requests/([\\w-]+)`).exec(ownerMail.text)![1]!;
    await owner.goto(`${E2E.baseUrl}/admin/requests/${requestId}`);
    const thumb = owner.getByRole("list", { name: "Files" }).getByRole("img", { name: "gps-photo.jpg" });
    await expect(thumb).toBeVisible();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect((await new AxeBuilder({ page: owner }).analyze()).violations).toEqual([]);

    // The owner answers with a PDF: the shopper's email links it.
    await owner.getByLabel("Send photos or files").setInputFiles({ name: "care-guide.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await owner.getByRole("button", { name: "Send files" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "Sent" })).toBeVisible();
    const reply = await waitForMail(email, "care-guide.pdf");
    const pdf = new RegExp(`care-guide\\.pdf: (${E2E.baseUrl}/f/\\S+)`).exec(reply.text)?.[1];
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const opened = await stranger.request.get(pdf!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()["content-disposition"]).toMatch(/^attachment/);
    await stranger.close();
    await shopperContext.close();
  });
});
