import { expect, test } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { E2E } from "../support/env.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { failNextSmsContaining, waitForSms } from "../support/twilio.ts";
import { uniqueName } from "../support/widget.ts";

test.use({ storageState: OWNER_STATE, locale: "en-US" });

test("a refused alert shows in the request's notifications as a sentence, and Retry now sends it", async ({ page }) => {
  const name = uniqueName("Rita");
  // Twilio refuses this shopper's alert for good: a permanent answer, so no automatic retry.
  await failNextSmsContaining(name, 400, 21211);
  const res = await page.request.post("/api/v1/sites/demo/callbacks", {
    headers: { "Content-Type": "text/plain", Origin: E2E.baseUrl },
    data: JSON.stringify({ name, phone: "+14155550177", when: "asap", altcha: await solvedChallenge(page.request) }),
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();

  await page.goto(`/admin/sites/demo/requests/${id}`);
  const notifications = page.getByRole("region", { name: "Notifications" });
  await expect(notifications).toContainText("Failed", { timeout: 10_000 });
  await expect(notifications).toContainText("Twilio says this is not a valid phone number (error 21211).");
  await expect(notifications).not.toContainText("Cannot read properties");

  await notifications.getByRole("button", { name: /Retry now/ }).click();
  await waitForSms(name);
  await expect(notifications).toContainText("Sent after 2 attempts");
  await expect(notifications.getByRole("button", { name: /Retry now/ })).toHaveCount(0);
});
