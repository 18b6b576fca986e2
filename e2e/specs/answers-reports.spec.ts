import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { OWNER_STATE } from "../support/owner.ts";
import { addSite } from "../support/sites.ts";

test.use({ storageState: OWNER_STATE, timezoneId: "America/New_York" });
// Each test walks through several pages and posts with solved challenges: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

/** A message from a shopper to `site` through the public API; returns the request's id. */
async function sendMessage(page: Page, site: string, who: { name: string; email: string; message: string }) {
  const res = await page.request.post(`/api/v1/sites/${site}/messages`, { data: { ...who, altcha: await solvedChallenge(page.request, site) } });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

test("saved answers: added in settings, '/hou' in the reply box inserts the filled answer", async ({ page }) => {
  const site = await addSite(page, "Answers");
  await page.goto(`/admin/sites/${site}/settings#saved-answers`);
  const section = page.locator("#saved-answers");
  await section.getByRole("textbox", { name: "Shortcut" }).fill("hours");
  await section.getByRole("textbox", { name: "Answer", exact: true }).fill("Hi {name}, we are open 9-5.");
  await section.getByRole("button", { name: "Add answer" }).click();
  await expect(section.getByText("Unknown placeholder {name}. You can use {first_name}, {shop}, {ref}.")).toBeVisible();
  await section.getByRole("textbox", { name: "Answer", exact: true }).fill("Hi {first_name}, {shop} is open 9-5 on weekdays.");
  await section.getByRole("button", { name: "Add answer" }).click();
  await expect(section.getByText("Answer saved.")).toBeVisible();
  await section.getByRole("textbox", { name: "Shortcut" }).fill("returns");
  await section.getByRole("textbox", { name: "Answer", exact: true }).fill("Returns are free within 30 days.");
  await section.getByRole("button", { name: "Add answer" }).click();
  await expect(section.getByRole("button", { name: "Delete /returns" })).toBeVisible();

  const id = await sendMessage(page, site, { name: "Jane Doe", email: "jane@example.com", message: "When are you open?" });
  await page.goto(`/admin/sites/${site}/requests/${id}`);
  const box = page.getByRole("textbox", { name: "Your reply" });
  await box.click();
  await box.pressSequentially("/hou");
  const list = page.getByRole("listbox", { name: "Saved answers" });
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", await list.getByRole("option").first().getAttribute("id") ?? "");
  await box.press("Escape");
  await expect(list).toBeHidden();
  await box.press("Backspace"); // "/ho": another search, the list is back
  await expect(list).toBeVisible();
  await box.press("u");
  await list.getByRole("option", { name: /\/hours/ }).click();
  await expect(list).toBeHidden();
  await expect(box).toHaveValue(/^Hi Jane, Answers [a-z]+ is open 9-5 on weekdays\.$/);

  await box.fill("");
  await box.pressSequentially("Thanks! /");
  await expect(list.getByRole("option")).toHaveCount(2);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(box).toHaveValue("Thanks! Returns are free within 30 days.");
});

test("reports: the figures of a seeded day in the tables, a 30-day period, axe-clean", async ({ page }) => {
  const site = await addSite(page, "Reports");
  const name = (n: number) => ({ name: `Shopper ${n}`, phone: `+1415555${String(1200 + n)}`, when: "asap" });
  for (const n of [1, 2]) {
    const res = await page.request.post(`/api/v1/sites/${site}/callbacks`, { data: { ...name(n), altcha: await solvedChallenge(page.request, site) } });
    expect(res.status()).toBe(201);
  }
  const message = await sendMessage(page, site, { name: "Mo Reader", email: "mo@example.com", message: "Do you deliver?" });
  const now = new Date();
  await page.goto(`/admin/sites/${site}/requests/${message}`);
  await page.getByRole("textbox", { name: "Your reply" }).fill("Yes, every weekday.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply queued; it shows on the timeline.")).toBeVisible();

  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByText("Days and hours in America/New_York.")).toBeVisible();
  await expect(page.locator("[data-figure=requests]")).toHaveText("3");
  await expect(page.locator("[data-figure=median]")).toHaveText(/^\d+ min\s*of 1 answered request$/);
  await expect(page.locator("[data-figure=within]")).toHaveText(/^100%\s*1 of 1$/);
  await expect(page.locator("[data-figure=missed]")).toHaveText("0");

  const perDay = page.getByRole("table", { name: "Requests per day by channel, last 7 days" });
  await page.getByText("Show the numbers").first().click();
  await expect(perDay.locator("tbody tr")).toHaveCount(7);
  const today = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "America/New_York" }).format(now);
  const todayRow = perDay.getByRole("row", { name: new RegExp(`^${today}`) });
  await expect(todayRow.getByRole("cell")).toHaveText(["2", "1", "0", "3"]);
  await expect(perDay.locator("tbody tr").first().getByRole("cell")).toHaveText(["0", "0", "0", "0"]);

  const heat = page.getByRole("table", { name: /^Requests by weekday and hour, last 7 days/ });
  await page.getByText("Show the numbers").last().click();
  const local = new Intl.DateTimeFormat("en-US", { weekday: "short", hour: "numeric", hourCycle: "h23", timeZone: "America/New_York" }).formatToParts(now);
  const weekday = local.find((p) => p.type === "weekday")!.value;
  const hour = Number(local.find((p) => p.type === "hour")!.value);
  const row = heat.getByRole("row", { name: new RegExp(`^${weekday}\\b`) });
  await expect(row.getByRole("cell").nth(hour)).toHaveText("3");
  await expect(heat.getByRole("cell", { name: "3", exact: true })).toHaveCount(1);
  await noViolations(page);

  await page.getByLabel("Last 30 days").check();
  await expect(page).toHaveURL(/reports\?days=30$/);
  await expect(page.getByRole("table", { name: "Requests per day by channel, last 30 days" }).locator("tbody tr")).toHaveCount(30);

  await page.getByLabel(/Email me these figures/).check();
  await expect(page.getByText("You will get the weekly summary by email on Mondays.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Email me these figures/)).toBeChecked();
});
