// Issue #11, item 7: every word the owner app shows comes from its one catalog. In the pseudo-locale
// (?pseudo=1, remembered in localStorage) t() and the date/number formatter wrap everything they return
// in ⟦…⟧; this walks every owner page and fails on any visible text, or any aria-label, placeholder,
// title or alt, with letters outside the markers. Shoppers' and owners' own words are allowed where the
// page marks them as such (data-user-text).
import { expect, test, type Page } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { E2E } from "../support/env.ts";
import { DEMO_INBOX } from "../support/owner.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { uniqueName } from "../support/widget.ts";

/** Runs in the page: every text outside ⟦…⟧ and outside [data-user-text], as "where: text". */
function unmarkedText(): string[] {
  const LETTER = /\p{L}/u;
  const found: string[] = [];
  const where = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.classList.length ? `.${[...e.classList].join(".")}` : ""}`);
    }
    return parts.join(" > ");
  };
  const own = (el: Element | null) => !!el?.closest("[data-user-text]");
  // Markers can open in one text node and close in a later one (a sentence with a link inside).
  let depth = 0;
  const outside = (text: string, start = 0) => {
    let rest = "";
    let d = start;
    for (const ch of text) {
      if (ch === "⟦") d++;
      else if (ch === "⟧") d = Math.max(0, d - 1);
      else if (d === 0) rest += ch;
    }
    return { rest, depth: d };
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (parent.closest("script, style, noscript")) continue;
    const { rest, depth: after } = outside((node as Text).data, depth);
    depth = after;
    if (LETTER.test(rest) && !own(parent)) found.push(`${where(parent)}: ${(node as Text).data.trim().slice(0, 80)}`);
  }
  for (const el of document.body.querySelectorAll("[aria-label], [placeholder], [title], [alt], [aria-description]")) {
    for (const name of ["aria-label", "placeholder", "title", "alt", "aria-description"]) {
      const value = el.getAttribute(name);
      if (value && LETTER.test(outside(value).rest) && !own(el)) found.push(`${where(el)} [${name}]: ${value.slice(0, 80)}`);
    }
  }
  if (LETTER.test(outside(document.title).rest)) found.push(`<title>: ${document.title}`);
  return found;
}

/** Waits for the page to settle (no "Loading…"), then checks it. */
async function expectAllMarked(page: Page, name: string) {
  await expect(page.locator("main [role=status]").filter({ hasText: /^⟦Loading…⟧$/ })).toHaveCount(0);
  await expect.poll(() => page.evaluate(unmarkedText), { message: `text outside the catalog on ${name}`, timeout: 5_000 }).toEqual([]);
}

test.describe("the owner app in the pseudo-locale", () => {
  test.use({ storageState: OWNER_STATE });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem("beckon.pseudo", "1"));
  });

  test("shows no word that bypassed the catalog, on any page", async ({ page }) => {
    test.slow(); // a dozen pages, each checked node by node
    const name = uniqueName("Pia");
    const res = await page.request.post("/api/v1/sites/demo/callbacks", {
      headers: { Origin: E2E.baseUrl },
      data: { name, phone: "+14155550166", note: "Pseudo walk", altcha: await solvedChallenge(page.request) },
    });
    expect(res.status()).toBe(201);
    // A message too: its page has the email reply form.
    const writer = uniqueName("Ida");
    const sent = await page.request.post("/api/v1/sites/demo/messages", {
      headers: { Origin: E2E.baseUrl },
      data: { name: writer, email: `ida.${Date.now()}@shopper.example`, message: "Is the fern pet-safe?", altcha: await solvedChallenge(page.request) },
    });
    expect(sent.status()).toBe(201);

    await page.goto(DEMO_INBOX);
    // The switch is on: the page heading comes wrapped.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("⟦Inbox⟧");
    await expect(page.locator(".req-link").first()).toBeVisible();
    await expectAllMarked(page, "the inbox");

    await page.locator(".req-link").filter({ hasText: name }).click();
    await expect(page.locator("main h1")).toContainText(name);
    await expectAllMarked(page, "a request");

    await page.goBack();
    await page.locator(".req-link").filter({ hasText: writer }).click();
    await expect(page.locator("main h1")).toContainText(writer);
    await expectAllMarked(page, "a message");

    await page.locator(`main a[href*="/customers/"]`).first().click();
    await expect(page).toHaveURL(/\/customers\/\d+$/);
    await expectAllMarked(page, "a customer");

    for (const [path, what] of [
      ["/settings", "settings, every section"],
      ["/install", "install"],
      ["/members", "members"],
      ["/integrations", "integrations"],
    ] as const) {
      await page.goto(`${DEMO_INBOX}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^⟦.*⟧$/);
      await expectAllMarked(page, what);
    }
    await page.goto("/admin/new-site");
    await expectAllMarked(page, "add a site");
  });

  test("the signed-out pages too: sign in and forgot password", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem("beckon.pseudo", "1"));
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("⟦Sign in to Beckon⟧");
    await expectAllMarked(page, "sign in");
    await page.goto("/admin/reset-password");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^⟦.*⟧$/);
    await expectAllMarked(page, "forgot password");
    await context.close();
  });
});
