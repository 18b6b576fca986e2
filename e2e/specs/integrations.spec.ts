// Integrations: an owner adds a webhook endpoint and makes an API token in the owner app, then both work.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { solvedChallenge } from "../support/challenge.ts";
import { OWNER_STATE } from "../support/owner.ts";
import { addSite } from "../support/sites.ts";

test.use({ storageState: OWNER_STATE });
test.describe.configure({ timeout: 90_000 });

test("an owner adds a webhook endpoint and an API token; a call-back reaches both", async ({ page, request }) => {
  // A real local endpoint, answering 200 and keeping what it got.
  const received: { signature: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ signature: String(req.headers["beckon-signature"]), body });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/beckon`;

  try {
    const site = await addSite(page, "Hooks");
    await page.getByRole("link", { name: "Integrations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(hookUrl);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("shown-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I copied it" }).click();
    await expect(page.getByRole("button", { name: `Delete ${hookUrl}` })).toBeVisible();

    await page.getByLabel("Name").fill("CRM sync");
    await page.getByRole("button", { name: "Make token" }).click();
    const token = (await page.getByTestId("shown-secret").textContent())!;
    expect(token).toMatch(/^bk_/);

    const altcha = await solvedChallenge(request, site);
    const created = await request.post(`/api/v1/sites/${site}/callbacks`, { data: { name: "Hook Tester", phone: "+1 415 555 0142", when: "asap", altcha } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const [hit] = received;
    const t = /t=(\d+)/.exec(hit!.signature)![1];
    expect(hit!.signature).toContain(`v1=${createHmac("sha256", secret).update(`${t}.${hit!.body}`).digest("hex")}`);
    expect(JSON.parse(hit!.body)).toMatchObject({ type: "request.created", version: 1, data: { request: { id, site } } });

    const list = await request.get("/api/v1/requests", { headers: { Authorization: `Bearer ${token}` } });
    expect(list.status()).toBe(200);
    expect((await list.json()).requests.map((r: { id: string }) => r.id)).toEqual([id]);

    await page.reload();
    await expect(page.getByRole("cell", { name: "request.created", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Delivered \(HTTP 200\)/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Revoke CRM sync" })).toBeVisible();
    await expect(page.getByText(/last used/)).toBeVisible();
  } finally {
    server.close();
  }
});
