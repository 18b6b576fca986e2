import { expect, test } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { waitForMail } from "../support/mail.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { addSite } from "../support/sites.ts";

test.use({ storageState: OWNER_STATE });

// A fresh site, so the demo site's settings are left alone.
test("an owner writes their own German auto-reply; a German shopper gets it, a Dutch one Beckon's Dutch", async ({ page, request }) => {
  test.setTimeout(90_000);
  const key = await addSite(page, "Sprachen");
  await page.goto(`/admin/sites/${encodeURIComponent(key)}/settings`);
  const languages = page.getByRole("region", { name: "Texts per language" });
  await languages.getByLabel("Edit your words for").selectOption("de");
  await languages.getByLabel("Automatic reply: message").fill("Hallo {{firstName}}, danke! Wir melden uns {{replyTime}}.");
  const saveBar = page.getByRole("region", { name: "Save settings" });
  await saveBar.getByRole("button", { name: "Save", exact: true }).click();
  await expect(saveBar.getByRole("status")).toContainText("Saved.");
  await page.reload();
  await languages.getByLabel("Edit your words for").selectOption("de");
  await expect(languages.getByLabel("Automatic reply: message")).toHaveValue("Hallo {{firstName}}, danke! Wir melden uns {{replyTime}}.");
  await expect(languages.getByLabel("Edit your words for").locator("option:checked")).toHaveText(/✓$/);

  const send = async (email: string, locale: string) => {
    const res = await request.post(`/api/v1/sites/${encodeURIComponent(key)}/messages`, {
      data: { name: "Erika Muster", email, message: "Ist die Vase noch da?", locale, altcha: await solvedChallenge(request, key) },
    });
    expect(res.status()).toBe(201);
  };
  await send(`erika-${key}@example.de`, "de");
  expect((await waitForMail(`erika-${key}@example.de`, "Hallo Erika, danke!")).text).toMatch(/^Hallo Erika, danke! Wir melden uns (innerhalb von 2 Stunden|bis .+)\.$/);
  await send(`jan-${key}@example.nl`, "nl");
  const dutch = await waitForMail(`jan-${key}@example.nl`, "Bedankt voor je bericht");
  expect(dutch.subject).toBe("We hebben je bericht ontvangen");
});
