import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { MAX_ORIGINS_PER_SITE } from "../sites/widget-origins.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

const SHOP = "https://fern-and-thistle.example";
const jane = { name: "Jane Doe", phone: "(415) 555-0123", when: "asap" };

async function setUp(allowedOrigins: string[]) {
  h = await createHarness({ settings: { allowedOrigins } });
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id, canCreateSites: true });
  s = await signIn(h, "owner@shop.example");
}
const load = (site: string, headers: Record<string, string>) => h.app.request(`/api/v1/sites/${site}/config`, { headers });
const install = async (site = "shop") => (await ownerRequest(h, s, "GET", `/api/admin/sites/${site}/install`)).json();

describe("a new site (no origin lock)", () => {
  it("works on the first page that loads it, from any origin, and the install page lists that origin", async () => {
    await setUp([]);
    const res = await load("shop", { Origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(SHOP);
    const sent = await post(h, "/api/v1/sites/shop/callbacks", jane, { Origin: SHOP });
    expect(sent.status).toBe(201);

    const first = h.clock.now().toISOString();
    h.clock.advance(5 * 60_000);
    await load("shop", { Origin: SHOP });
    const info = await install();
    expect(info.allowedOrigins).toEqual([]);
    expect(info.origins).toEqual([{ origin: SHOP, allowed: true, firstSeenAt: first, lastSeenAt: h.clock.now().toISOString() }]);
    expect(info.lastSeen).toEqual({ origin: SHOP, at: h.clock.now().toISOString() });
  });

  it("a site added from the owner app works from any origin at once", async () => {
    await setUp([PUBLIC_URL]);
    const created = await ownerRequest(h, s, "POST", "/api/admin/sites", { name: "Corner Shop", timezone: "Europe/Berlin", phoneCountry: "DE" });
    expect(created.status).toBe(201);
    expect((await load("corner-shop", { Origin: "https://corner.example" })).status).toBe(200);
    expect((await install("corner-shop")).origins).toMatchObject([{ origin: "https://corner.example", allowed: true }]);
  });

  it("takes the origin only from a well-formed Origin header (or a same-origin fetch), never from Referer", async () => {
    await setUp([]);
    await load("shop", { Referer: "https://forged.example/page" });
    await load("shop", { Origin: "null" });
    await load("shop", { Origin: "https://x.example/path" });
    expect((await install()).origins).toEqual([]);
    await load("shop", { "Sec-Fetch-Site": "same-origin", Referer: "https://forged.example/" });
    expect((await install()).origins).toMatchObject([{ origin: PUBLIC_URL, allowed: true }]);
  });

  it("keeps at most a bounded number of origins per site", async () => {
    await setUp([]);
    for (let i = 0; i <= MAX_ORIGINS_PER_SITE; i++) await load("shop", { Origin: `https://junk${i}.example` });
    expect((await install()).origins).toHaveLength(MAX_ORIGINS_PER_SITE);
  });
});

describe("a locked site", () => {
  it("refuses other origins, records the refusal, and allows an origin once the owner adds it", async () => {
    await setUp([PUBLIC_URL]);
    await load("shop", { Origin: PUBLIC_URL });
    const refused = await load("shop", { Origin: SHOP });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "origin_not_allowed" } });
    const info = await install();
    expect(info.origins).toMatchObject([
      { origin: SHOP, allowed: false },
      { origin: PUBLIC_URL, allowed: true },
    ]);
    // "Last seen" is the latest page the widget worked on, not the refused one.
    expect(info.lastSeen.origin).toBe(PUBLIC_URL);

    const saved = await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/settings", { settings: { allowedOrigins: [PUBLIC_URL, SHOP] } });
    expect(saved.status).toBe(200);
    expect((await install()).origins).toMatchObject([{ origin: SHOP, allowed: true }, { origin: PUBLIC_URL, allowed: true }]);
    expect((await load("shop", { Origin: SHOP })).status).toBe(200);
  });
});
