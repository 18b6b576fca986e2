import { expect, test } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { E2E } from "../support/env.ts";
import { DEMO_INBOX, OWNER_STATE } from "../support/owner.ts";
import { sentMessages, waitForSms } from "../support/twilio.ts";
import { uniqueName, uniquePhone } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE });

test("the owner marks a request as spam: the sender is blocked, their requests move to Spam, and no SMS goes out for them again", async ({ page }) => {
  const phone = uniquePhone();
  const first = uniqueName("Spammy");
  const second = uniqueName("Spammo");
  // A shopper from an address of its own (the e2e server trusts X-Forwarded-For), with a solved challenge.
  const submit = async (name: string, note: string) => {
    const res = await page.request.post("/api/v1/sites/demo/callbacks", {
      headers: { Origin: E2E.baseUrl, "X-Forwarded-For": "203.0.113.66" },
      data: { name, phone, note, altcha: await solvedChallenge(page.request) },
    });
    expect(res.status()).toBe(201);
  };
  await submit(first, "Cheap followers, call now");
  await waitForSms(first); // not spam yet: the owner was alerted

  await page.goto(DEMO_INBOX);
  const rows = page.getByRole("list", { name: "Requests" }).getByRole("listitem");
  await rows.filter({ hasText: first }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();
  await page.getByRole("button", { name: "Mark as spam" }).click();
  await expect(page.getByRole("note")).toContainText("Marked as spam");
  await expect(page.getByRole("button", { name: "Not spam" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("marked it as spam");

  await page.getByRole("link", { name: "← Inbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await expect(rows.filter({ hasText: first })).toHaveCount(0);

  // The same number again: stored straight in Spam, and nobody is texted about it.
  await submit(second, "Still selling followers");
  await page.getByRole("button", { name: "Spam", exact: true }).click();
  await expect(page).toHaveURL(/status=spam/);
  await expect(rows.filter({ hasText: first })).toBeVisible();
  await expect(rows.filter({ hasText: second })).toBeVisible();
  await rows.filter({ hasText: second }).getByRole("link").click();
  await expect(page.getByRole("note")).toContainText("From a sender you blocked");
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Nothing was sent for this request.");
  expect((await sentMessages()).filter((m) => m.body.includes(second))).toEqual([]);
});
