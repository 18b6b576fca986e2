import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { askForCallBack, DEMO_INBOX, OWNER_STATE } from "../support/owner.ts";
import { openShop, uniqueName } from "../support/widget.ts";

test.describe("a customer's data", () => {
  test.use({ storageState: OWNER_STATE });

  test("the owner downloads a customer's data, then deletes the customer with everything they sent", async ({ page, browser }) => {
    const shopper = await browser.newPage();
    const name = uniqueName("Petra");
    await (await openShop(shopper)).click();
    // A number no other spec uses: deleting this customer must not touch anyone else's requests.
    await askForCallBack(shopper, { name, phone: "(415) 555-0161", note: "Please forget me afterwards" });
    await expect(shopper.getByRole("dialog").getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
    await shopper.close();

    await page.goto(DEMO_INBOX);
    await page.getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
    await page.getByRole("link", { name: /customer since/ }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const customerUrl = page.url();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download their data (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^customer-\d+\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(data.customer).toMatchObject({ name, phone: "+14155550161" });
    expect(data.requests).toHaveLength(1);
    expect(data.requests[0]).toMatchObject({ kind: "callback", fields: { note: "Please forget me afterwards" } });

    await page.getByRole("button", { name: "Delete this customer…" }).click();
    await expect(page.getByText(`Delete ${name} and everything they sent?`)).toBeVisible();
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Customer deleted" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("1 request");

    await page.goto(customerUrl);
    await expect(page.getByRole("alert")).toContainText("There is no such customer");
    await page.goto(DEMO_INBOX);
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  });
});
