import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";

// The installable inbox's files, from the built admin app (npm run build).
const adminDist = fileURLToPath(new URL("../../../admin/dist", import.meta.url));

let h: Harness;
beforeEach(async () => void (h = await createHarness({ paths: { adminDist } })));
afterEach(async () => h.close());

describe("the installable inbox", () => {
  it("links a manifest and allows it and the worker under the admin's strict CSP", async () => {
    const res = await h.app.request("/admin");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(await res.text()).toContain('<link rel="manifest" href="/admin/manifest.webmanifest">');
  });

  it("serves the manifest, the worker (allowed to control /admin), the offline page and the icons with their types", async () => {
    const manifest = await h.app.request("/admin/manifest.webmanifest");
    expect(manifest.headers.get("content-type")).toBe("application/manifest+json");
    const m = await manifest.json();
    expect(m).toMatchObject({ start_url: "/admin", scope: "/admin", display: "standalone" });
    for (const icon of m.icons) {
      const res = await h.app.request(icon.src);
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get("content-type")).toBe(icon.type);
    }
    const sw = await h.app.request("/admin/sw.js");
    expect(sw.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(sw.headers.get("service-worker-allowed")).toBe("/admin");
    const offline = await h.app.request("/admin/offline.html");
    expect(offline.headers.get("content-type")).toMatch(/^text\/html/);
    expect(offline.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});
