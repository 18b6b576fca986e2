import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env.ts";
import { waitForMail } from "../support/mail.ts";
import { waitForSms } from "../support/twilio.ts";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { openShop, uniqueName } from "../support/widget.ts";

/** An address unique to this test: the server sends at most one auto-reply per address per hour. */
const uniqueEmail = (name: string) => `${name.toLowerCase().replace(/\s+/g, ".")}@shopper.example`;

/** Opens the demo shop's widget at "Send a message" the way a shopper does: launcher, then the channel. */
async function openMessageForm(page: Page) {
  const launcher = await openShop(page);
  await launcher.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Send a message" }).click();
  await expect(dialog.getByLabel("Your name")).toBeFocused();
  return { launcher, dialog };
}

/** Serves the demo site's real config with `change` applied: settings the admin UI will one day write. */
async function withConfig(page: Page, change: (config: Record<string, any>) => void) {
  // The widget adds the shopper's language hints to the config's URL (?lang=…&prefer=…).
  await page.route(/\/api\/v1\/sites\/demo\/config(\?|$)/, async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    change(config);
    await route.fulfill({ response, json: config });
  });
}

test.describe("send a message", () => {
  test("a shopper sends a message, sees when to expect a reply, and gets the auto-reply by email", async ({ page }) => {
    const { dialog } = await openMessageForm(page);
    const name = uniqueName("Maya");
    const email = uniqueEmail(name);
    await dialog.getByLabel("Your name").fill(name);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Topic").fill("Repotting");
    await dialog.getByLabel("Your message").fill("When should I repot my calathea?");
    await dialog.getByRole("button", { name: "Send message" }).click();

    await expect(dialog.getByRole("heading", { name: `Thanks, ${name.split(" ")[0]}!` })).toBeFocused();
    // The reply time is the server's, worked out in the shopper's time zone (sent as timeZone).
    await expect(dialog.getByText(new RegExp(`We'll reply to ${email.replace(/\./g, "\\.")} (within \\d+ hours?|by \\w+day \\d{1,2}:\\d\\d( [AP]M)?|as soon as we can)\\.`))).toBeVisible();

    const autoReply = await waitForMail(email, "Thanks for writing to Fern & Thistle");
    expect(autoReply.subject).toBe("We got your message: Repotting");
    expect(autoReply.text).toContain(`Hi ${name.split(" ")[0]},`);
    // The owner hears of it at once, by email (with Reply-To the shopper) and by SMS. With no notification
    // address set, the email goes to the owner account's address: the account the "setup" project
    // creates on first run (a fresh demo site has no owner and so no email address at all).
    const ownerMail = await waitForMail(E2E.ownerEmail, "When should I repot my calathea?");
    expect(ownerMail.replyTo).toContain(email);
    expect(ownerMail.text).toContain(name);
    const sms = await waitForSms(name);
    expect(sms.to).toBe(E2E.ownerPhone);
    expect(sms.body).toContain("When should I repot my calathea?");

    await dialog.getByRole("button", { name: "Close" }).last().click();
    await expect(dialog).toBeHidden();
  });

  test("an invalid email shows the server's message at the field, and focus goes there", async ({ page }) => {
    const { dialog } = await openMessageForm(page);
    await dialog.getByLabel("Your name").fill("Typo Tess");
    const email = dialog.getByLabel("Email");
    await email.fill("tess@");
    await dialog.getByLabel("Your message").fill("Hello?");
    await dialog.getByRole("button", { name: "Send message" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("Enter a valid email address, like you@example.com.");
    await expect(email).toBeFocused();
  });

  test("empty required fields are marked before sending, the first one focused", async ({ page }) => {
    const { dialog } = await openMessageForm(page);
    await dialog.getByRole("button", { name: "Send message" }).click();
    await expect(dialog.getByLabel("Your name")).toHaveAccessibleDescription("Tell us your name.");
    await expect(dialog.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(dialog.getByLabel("Your message")).toHaveAccessibleDescription("Write your message.");
    await expect(dialog.getByLabel("Your name")).toBeFocused();
  });

  test("the site's extra fields are shown with their labels and required ones are checked", async ({ page }) => {
    await withConfig(page, (config) => {
      config.message.fields = [
        { id: "order", label: "Order number", type: "text", options: [], required: true },
        { id: "size", label: "Pot size", type: "choice", options: ["Small", "Large"], required: false },
        { id: "gift", label: "It's a gift", type: "checkbox", options: [], required: true },
      ];
    });
    const { dialog } = await openMessageForm(page);
    await dialog.getByLabel("Your name").fill("Extra Ed");
    await dialog.getByLabel("Email").fill("ed@shopper.example");
    await dialog.getByLabel("Your message").fill("Where is my order?");
    await expect(dialog.getByRole("combobox", { name: "Pot size (optional)" })).toBeVisible();
    await dialog.getByRole("button", { name: "Send message" }).click();
    const order = dialog.getByLabel("Order number");
    await expect(order).toHaveAccessibleDescription('Please fill in "Order number".');
    await expect(order).toBeFocused();
    await expect(dialog.getByLabel("It's a gift")).toHaveAccessibleDescription('Please tick "It\'s a gift".');
    await order.fill("1042");
    await dialog.getByRole("combobox", { name: "Pot size (optional)" }).selectOption("Large");
    await dialog.getByLabel("It's a gift").check();
    const posted = page.waitForRequest((r) => r.url().endsWith("/api/v1/sites/demo/messages") && r.method() === "POST");
    await dialog.getByRole("button", { name: "Send message" }).click();
    const body = (await posted).postDataJSON();
    expect(body.fields).toEqual({ order: "1042", size: "Large", gift: true });
    expect(body.company).toBe("");
    expect(typeof body.timeZone).toBe("string");
    await expect(dialog.getByRole("heading", { name: "Thanks, Extra!" })).toBeVisible();
  });

  test("axe finds no accessibility violations on the open message form, with its errors showing", async ({ page }) => {
    test.slow(); // axe over the whole open panel takes long on a busy 2-core machine
    const { dialog } = await openMessageForm(page);
    const form = await new AxeBuilder({ page }).include("[data-beckon]").analyze();
    expect(form.violations).toEqual([]);
    await dialog.getByRole("button", { name: "Send message" }).click();
    await expect(dialog.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
    const withErrors = await new AxeBuilder({ page }).include("[data-beckon]").analyze();
    expect(withErrors.violations).toEqual([]);
  });

  test("the whole flow works by keyboard alone", async ({ page }) => {
    const launcher = await openShop(page);
    await launcher.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    const channel = dialog.getByRole("button", { name: "Send a message" });
    for (let i = 0; i < 6 && !(await channel.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const name = uniqueName("Kai");
    const email = uniqueEmail(name);
    await expect(dialog.getByLabel("Your name")).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab"); // past the optional topic
    await expect(dialog.getByLabel("Your message")).toBeFocused();
    await page.keyboard.type("Do you ship to Leeds?");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Add a photo or PDF" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Send message" })).toBeFocused(); // the honeypot is skipped
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("heading", { name: `Thanks, ${name.split(" ")[0]}!` })).toBeFocused();
    await waitForMail(email, "Thanks for writing to Fern & Thistle");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(launcher).toBeFocused();
  });

  test("the shop's own button opens straight at the form, through Beckon('open', 'message')", async ({ page }) => {
    await openShop(page);
    await page.getByRole("button", { name: "Send us a message" }).click();
    await expect(page.getByRole("dialog").getByLabel("Your message")).toBeVisible();
    await expect(page.getByRole("dialog").getByLabel("Your name")).toBeFocused();
  });

  test.describe("in the shopper's own time zone", () => {
    test.use({ locale: "en-GB", timezoneId: "Asia/Tokyo" });

    test("the header shows the owner, their greeting, and when the shop is back", async ({ page }) => {
      await withConfig(page, (config) => {
        config.owner = { firstName: "Rosa", photoUrl: `${E2E.baseUrl}/api/v1/sites/demo/photo?v=1`, trustLine: "I answer every message myself." };
        config.availability = { openNow: false, nextOpenAt: "2030-01-07T14:00:00.000Z", awayUntil: "2030-01-06T00:00:00.000Z", awayMessage: "At the plant fair!" };
      });
      await page.clock.setFixedTime(new Date("2030-01-04T12:00:00.000Z")); // a Friday
      const launcher = await openShop(page);
      await launcher.click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("img", { name: "Photo of Rosa" })).toBeAttached();
      await expect(dialog.getByText("Rosa · I answer every message myself.")).toBeVisible();
      await expect(dialog.getByText("Hi! We're a two-person shop. Ask us anything.")).toBeVisible();
      // 14:00 UTC on Monday is 23:00 in Tokyo.
      await expect(dialog.getByText("At the plant fair! Back Monday 23:00.")).toBeVisible();
    });
  });

  test.describe("the owner answers from the inbox", () => {
    test.use({ storageState: OWNER_STATE });

    test("the reply reaches the shopper's mailbox in the same thread as the auto-reply", async ({ page, browser }) => {
      const shopper = await browser.newPage();
      const { dialog } = await openMessageForm(shopper);
      const name = uniqueName("Noor");
      const email = uniqueEmail(name);
      await dialog.getByLabel("Your name").fill(name);
      await dialog.getByLabel("Email").fill(email);
      await dialog.getByLabel("Topic").fill("Gift wrap");
      await dialog.getByLabel("Your message").fill("Can you gift-wrap the fern and add a card?");
      await dialog.getByRole("button", { name: "Send message" }).click();
      await expect(dialog.getByRole("heading", { name: `Thanks, ${name.split(" ")[0]}!` })).toBeVisible();
      await shopper.close();
      const autoReply = await waitForMail(email, "Thanks for writing to Fern & Thistle");

      await page.goto(DEMO_INBOX);
      const row = page.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: name });
      await expect(row).toContainText("Gift wrap: Can you gift-wrap the fern");
      await row.getByRole("link").click();
      const reply = page.getByRole("region", { name: "Reply by email" });
      await reply.getByLabel("Your reply").fill("Of course! A handwritten card is on us.");
      await reply.getByRole("button", { name: "Send reply" }).click();
      await expect(reply.getByRole("status")).toHaveText("Reply queued; it shows on the timeline.");
      await expect(page.getByRole("region", { name: "Timeline" })).toContainText("A handwritten card is on us.");

      const answer = await waitForMail(email, "A handwritten card is on us.");
      expect(answer.subject).toBe(`Re: ${autoReply.subject}`);
      expect(answer.inReplyTo).toBe(autoReply.messageId);
      await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Email to the shopper");
    });
  });
});
