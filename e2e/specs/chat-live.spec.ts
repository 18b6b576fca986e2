// Issue #14: typing, seen, the transcript by email, the rating, and the widget's dark mode.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { waitForMail } from "../support/mail.ts";
import { openShop, startChat, uniqueName } from "../support/widget.ts";

/** Leaves an email on the shopper's chat through the public API, with the token the widget stored. */
async function leaveEmail(shopper: Page, email: string) {
  const chat = await shopper.evaluate(() => JSON.parse(localStorage.getItem("beckon:demo:chat") ?? "null") as { id: string; token: string });
  const res = await shopper.request.post(`/api/v1/sites/demo/chats/${chat.id}/email`, { data: { token: chat.token, email }, headers: { "Content-Type": "text/plain" } });
  expect(res.status()).toBe(200);
}

test.describe("chat, live", () => {
  test.use({ storageState: OWNER_STATE });
  // Two browsers, a mailed transcript and axe in two schemes: long on a shared two-core machine.
  test.describe.configure({ timeout: 120_000 });

  test("typing shows on the other side and fades; 'Seen' after the owner opens it; done mails the transcript; one rating, shown to the owner", async ({ page: owner, browser }) => {
    const shopperContext = await browser.newContext();
    const shopper = await shopperContext.newPage();
    const name = uniqueName("Ines");
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`;
    const { dialog, log } = await startChat(shopper, name, "Do you have the fern in a bigger pot?");
    await leaveEmail(shopper, email);
    await expect(log).not.toContainText("Seen");

    // The owner opens the chat: the shopper's line is now seen.
    await owner.goto(DEMO_INBOX);
    await owner.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
    const ownerChat = owner.getByRole("region", { name: "Chat" });
    await expect(ownerChat.getByRole("log")).toContainText("bigger pot");
    await expect(log.getByText("Seen")).toBeVisible();

    // The owner types: the shopper sees it, and it fades a few seconds after the typing stops.
    await ownerChat.getByLabel("Your answer").pressSequentially("Yes, a 30 cm one", { delay: 20 });
    const typing = dialog.getByText("is typing…");
    await expect(typing).toBeVisible();
    await expect(typing).toBeHidden({ timeout: 10_000 });
    await ownerChat.getByRole("button", { name: "Send", exact: true }).click();
    await expect(log).toContainText("Yes, a 30 cm one");

    // The shopper types: the owner's page shows it, then it goes when the line arrives.
    const composer = dialog.getByLabel("Your message");
    await composer.pressSequentially("Great, I'll", { delay: 20 });
    const shopperTyping = owner.getByText(`${name} is typing…`);
    await expect(shopperTyping).toBeVisible();
    await composer.pressSequentially(" take it", { delay: 20 });
    await composer.press("Enter");
    await expect(ownerChat.getByRole("log")).toContainText("Great, I'll take it");
    await expect(shopperTyping).toBeHidden();
    // The shopper's widget showed the answer: the owner sees "Read" under it.
    await expect(ownerChat.getByRole("log").getByText("Read")).toBeVisible();

    // Done: the transcript reaches the shopper's inbox, with the rating links.
    await owner.getByRole("button", { name: "Mark done" }).click();
    const mail = await waitForMail(email, "Here is your chat with");
    expect(mail.subject).toMatch(/^Your chat with /);
    expect(mail.text).toContain("Yes, a 30 cm one");
    expect(mail.text).toContain("How did we do?");
    const good = /Good: (\S+)/.exec(mail.text)![1]!;

    // The widget, opened again later, asks too; the shopper rates once.
    await shopper.reload();
    await (await openShop(shopper)).click();
    await shopper.getByRole("dialog").getByRole("button", { name: "Chat with us" }).click();
    const again = shopper.getByRole("dialog");
    await again.getByRole("button", { name: "Good" }).click();
    await again.getByLabel("Anything you would like to add?").fill("Quick and friendly.");
    // Its own Send, not the composer's: the one in the form around "How did we do?".
    await again.locator("form", { has: shopper.getByRole("group", { name: "How did we do?" }) }).getByRole("button", { name: "Send" }).click();
    await expect(again.getByText("Thank you for your rating!")).toBeVisible();

    // The email link cannot rate a second time.
    await shopper.goto(good);
    await shopper.getByRole("button", { name: "Send" }).click();
    await expect(shopper.getByText("This was already rated. Thank you!")).toBeVisible();

    // The owner sees the rating on the request page and on the customer page.
    await owner.reload();
    const rating = owner.getByRole("region", { name: "Rating" });
    await expect(rating).toContainText("Good");
    await expect(rating).toContainText("Quick and friendly.");
    await owner.locator(".customer-line a").click();
    await expect(owner.getByRole("region", { name: "How they rated us" })).toContainText("Quick and friendly.");
    await shopperContext.close();
  });

  test("the panel follows a dark system setting, and is axe-clean in both schemes", async ({ browser }, info) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme });
      const shopper = await context.newPage();
      await (await openShop(shopper)).click();
      const dialog = shopper.getByRole("dialog");
      await dialog.getByRole("button", { name: "Chat with us" }).click();
      await expect(dialog.getByLabel("How can we help?")).toBeVisible();
      const background = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(colorScheme === "dark" ? "rgb(30, 30, 32)" : "rgb(255, 255, 255)");
      await info.attach(`panel-${colorScheme}.png`, { body: await dialog.screenshot(), contentType: "image/png" });
      expect((await new AxeBuilder({ page: shopper }).include("[data-beckon]").analyze()).violations).toEqual([]);
      // The owner can also force a scheme: emulateMedia flips the system setting while the panel is open.
      await shopper.emulateMedia({ colorScheme: colorScheme === "dark" ? "light" : "dark" });
      await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colorScheme === "dark" ? "rgb(255, 255, 255)" : "rgb(30, 30, 32)");
      await context.close();
    }
  });
});
