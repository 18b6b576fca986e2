import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { makeDevice, startPushDouble, verifyVapid } from "../../server/test/push-double.ts";
import { solvedChallenge } from "../support/challenge.ts";
import { E2E } from "../support/env.ts";
import { OWNER_STATE } from "../support/owner-state.ts";
import { askForCallBack } from "../support/owner.ts";
import { sentMessages, waitForSms } from "../support/twilio.ts";
import { openShop, uniqueName } from "../support/widget.ts";

// While this runs the demo owner has a push device. On the demo site their alerts go by push AND SMS
// ("both"), so other specs' SMS never wait; the fallback is tested on a site of its own, where an
// unacknowledged push is followed by the SMS after PUSH_FALLBACK_MINUTES (6 s in the e2e server).
test.use({ storageState: OWNER_STATE, locale: "en-US" });

type Double = Awaited<ReturnType<typeof startPushDouble>>;
let double: Double;
test.beforeAll(async () => void (double = await startPushDouble()));
test.afterAll(async () => double.close());

/** The signed-in owner's CSRF token (the app keeps it in memory). */
async function csrf(request: APIRequestContext): Promise<string> {
  return (await (await request.get("/api/admin/session")).json()).csrfToken;
}

test("the inbox installs: a valid manifest with fetchable icons, and a service worker that controls /admin", async ({ page }) => {
  await page.goto("/admin/sites/demo/members");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/admin/manifest.webmanifest");
  const res = await page.request.get(href!);
  expect(res.headers()["content-type"]).toBe("application/manifest+json");
  const manifest = await res.json();
  expect(manifest).toMatchObject({ name: "Beckon inbox", short_name: "Beckon", start_url: "/admin", scope: "/admin", display: "standalone", theme_color: expect.stringMatching(/^#/) });
  const purposes = new Set<string>();
  for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
    const file = await page.request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toBe(icon.type);
    if (icon.type === "image/png") {
      const png = await file.body();
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)]; // IHDR width and height
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
    purposes.add(`${icon.type} ${icon.sizes} ${icon.purpose}`);
  }
  expect([...purposes]).toEqual(expect.arrayContaining(["image/png 192x192 any", "image/png 512x512 any", "image/png 512x512 maskable", "image/svg+xml any any"]));

  // The worker registers and, after a reload, controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  expect(controller).toBe(`${E2E.baseUrl}/admin/sw.js`);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(`${E2E.baseUrl}/admin`);
  // It caches the shell, never owner data.
  const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)))).flat());
  expect(cached).toContain("/admin/assets/admin.js");
  expect(cached.filter((p) => p.startsWith("/api/"))).toEqual([]);
  // A push event (delivered by Chromium's DevTools protocol, as a push service would) shows a notification.
  await page.context().grantPermissions(["notifications"], { origin: E2E.baseUrl });
  const cdp = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => {
      const reg = e.registrations.find((r) => r.scopeURL === `${E2E.baseUrl}/admin` && !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  const data = JSON.stringify({ title: "Call back #7: Pia Lund +14155550142", body: "When: ASAP", url: "/admin/requests/x", requestId: "x", pushId: "p-1" });
  await cdp.send("ServiceWorker.deliverPushMessage", { origin: E2E.baseUrl, registrationId: await registrationId, data });
  await expect
    .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.getRegistration("/admin"))!.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: n.data?.url }))))
    .toEqual([{ title: "Call back #7: Pia Lund +14155550142", body: "When: ASAP", url: "/admin/requests/x" }]);
  // Offline, a page of the app shows the offline page.
  await page.context().setOffline(true);
  await page.goto("/admin/sites/demo/settings");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await page.context().setOffline(false);
});

test("a device subscribes; a call-back from the widget is pushed, and the SMS goes only when the push is not acknowledged", async ({ page, browser }) => {
  test.slow();
  const token = await csrf(page.request);
  const headers = { "X-CSRF-Token": token, Origin: E2E.baseUrl };
  const device = makeDevice(double.endpoint(`e2e-${Date.now()}`));
  const { publicKey } = await (await page.request.get("/api/admin/push/key")).json();
  const decrypted = () => double.received.filter((r) => r.answered === 201).map((r) => ({ push: r, payload: device.decrypt(r.body) as { title: string; body: string; url: string; requestId: string; pushId: string } }));

  // "This device" on the Members page: the demo site's alerts by push and SMS both; axe finds nothing wrong.
  await page.goto("/admin/sites/demo/members");
  const section = page.getByRole("region", { name: "This device" });
  await expect(section.getByText("No device gets notifications yet.")).toBeVisible();
  await section.getByRole("radio", { name: "Push and SMS, both at once" }).check();
  await section.getByRole("button", { name: "Save alert choices" }).click();
  await expect(section.getByText("Your alert choices are saved.")).toBeVisible();
  const axe = await new AxeBuilder({ page }).include("#this-device").analyze();
  expect(axe.violations).toEqual([]);

  // Chromium here cannot reach a real push service: the test is the device, with keys of its own.
  const added = await page.request.post("/api/admin/push/subscriptions", { headers, data: { subscription: device.subscription, label: "E2E Pixel" } });
  expect(added.status()).toBe(201);
  // A site of its own for the fallback, alerting the owner's own number (push by default).
  const made = await page.request.post("/api/admin/sites", { headers, data: { name: `Push Shop ${Date.now()}`, ownerPhone: E2E.ownerPhone, timezone: "UTC", phoneCountry: "US" } });
  expect(made.status()).toBe(201);
  const siteKey = (await made.json()).site.key as string;

  try {
    await page.reload();
    await expect(section.getByRole("listitem").filter({ hasText: "E2E Pixel" })).toBeVisible();
    await expect(section.getByRole("button", { name: "Remove E2E Pixel" })).toBeVisible();
    await expect(section.getByRole("radio", { name: "Push and SMS, both at once" })).toBeChecked();
    await page.setViewportSize({ width: 390, height: 844 });
    await section.screenshot({ path: test.info().outputPath("this-device-390.png") });

    // A shopper asks for a call back in the demo shop's widget: a push reaches the double, signed and encrypted.
    const shop = await browser.newPage();
    const name = uniqueName("Pia");
    await (await openShop(shop)).click();
    await askForCallBack(shop, { name, phone: "(415) 555-0142" });
    await expect(shop.getByRole("dialog").getByText(`Thanks, ${name.split(" ")[0]}!`)).toBeVisible();
    await shop.close();
    await expect.poll(() => decrypted().some((d) => d.payload.title.includes(name)), { timeout: 10_000 }).toBe(true);
    const widgetPush = decrypted().find((d) => d.payload.title.includes(name))!;
    const { header, claims } = verifyVapid(widgetPush.push.headers.authorization, publicKey);
    expect(header.alg).toBe("ES256");
    expect(claims.aud).toBe(double.origin);
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(claims.sub).toMatch(/^mailto:/);
    expect(widgetPush.push.headers["content-encoding"]).toBe("aes128gcm");
    expect(widgetPush.payload.url).toBe(`/admin/requests/${widgetPush.payload.requestId}`);
    await waitForSms(name); // "both": the SMS too, at once

    // On the push-only site: nobody acknowledges the push, so the SMS follows.
    const callBack = async (who: string, phone: string) => {
      const res = await page.request.post(`/api/v1/sites/${siteKey}/callbacks`, {
        headers: { "Content-Type": "text/plain", Origin: E2E.baseUrl },
        data: JSON.stringify({ name: who, phone, when: "asap", altcha: await solvedChallenge(page.request, siteKey) }),
      });
      expect(res.status()).toBe(201);
      await expect.poll(() => decrypted().some((d) => d.payload.title.includes(who)), { timeout: 10_000 }).toBe(true);
      return decrypted().find((d) => d.payload.title.includes(who))!.payload;
    };
    const ignored = uniqueName("Quinn");
    await callBack(ignored, "+14155550143");
    const fallback = await waitForSms(ignored);
    expect(fallback.to).toBe(E2E.ownerPhone);

    // Another: the push is acknowledged as the service worker does on a click (its pushId, no CSRF token), and no SMS goes.
    const seen = uniqueName("Rosa");
    const { pushId } = await callBack(seen, "+14155550144");
    const ack = await page.request.post("/api/admin/push/ack", { headers: { Origin: E2E.baseUrl }, data: { pushId } });
    expect(await ack.json()).toEqual({ acknowledged: 1 });
    await page.waitForTimeout(9_000); // past the 6 s fallback, and a few outbox polls
    expect((await sentMessages()).filter((m) => m.body.includes(seen))).toEqual([]);
    const pushes = decrypted().filter((d) => [ignored, seen].some((n) => d.payload.title.includes(n))).length;
    const texts = (await sentMessages()).filter((m) => [ignored, seen].some((n) => m.body.includes(n))).length;
    console.info(`push-only site: ${pushes} pushes, 1 acknowledged, ${texts} SMS sent (1 saved)`);
  } finally {
    await page.request.delete("/api/admin/push/subscriptions", { headers, data: { endpoint: device.subscription.endpoint } });
    await page.request.put("/api/admin/sites/demo/alert-prefs", { headers, data: { via: "push", quiet: null } });
  }
});
