import { afterEach, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

it("the widget's colours follow the shopper's device by default; the owner can force dark, and the accent's dark partner comes with it", async () => {
  h = await createHarness();
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  const owner = await signIn(h, "owner@shop.example");
  const config = async () => (await h.app.request("/api/v1/sites/shop/config")).json();
  // The default deep green does not stand out on the dark panel: focus rings turn light there.
  expect((await config()).theme).toEqual({ scheme: "auto", darkFocus: "#ffffff" });
  const saved = await ownerRequest(h, owner, "PUT", "/api/admin/sites/shop/settings", { settings: { colorScheme: "dark", accent: "#f5c542" } });
  expect(saved.status).toBe(200);
  expect((await saved.json()).settings.colorScheme).toBe("dark");
  expect((await config()).theme).toEqual({ scheme: "dark", darkFocus: "#f5c542" });
  const bad = await ownerRequest(h, owner, "PUT", "/api/admin/sites/shop/settings", { settings: { colorScheme: "sepia" } });
  expect(bad.status).toBe(400);
});
