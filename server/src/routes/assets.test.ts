import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../../test/harness.ts";

const demoDir = path.resolve(import.meta.dirname, "../../../demo-site");
let h: Harness;
afterEach(async () => h?.close());

describe("widget and demo shop", () => {
  it("serves the demo shop at /demo/ with the snippet pointing at PUBLIC_URL", async () => {
    h = await createHarness({ paths: { demoDir } });
    for (const url of ["/demo/", "/demo/index.html"]) {
      const res = await h.app.request(url);
      expect(res.status, url).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<script src="${PUBLIC_URL}/widget.js" data-site="demo" async></script>`);
      expect(html).not.toContain("%PUBLIC_URL%");
    }
    expect((await h.app.request("/demo")).headers.get("location")).toBe("/demo/");
    expect((await h.app.request("/demo/..%2Fpackage.json")).status).toBe(404);
  });

  it("serves the strict-CSP demo page with a CSP that forbids inline scripts and styles", async () => {
    h = await createHarness({ paths: { demoDir } });
    const csp = (await h.app.request("/demo/strict-csp.html")).headers.get("content-security-policy");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("serves widget.js and widget-panel.js to any origin, with an ETag, and explains when they have not been built", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-widget-"));
    writeFileSync(path.join(dir, "widget.js"), "/* loader */");
    writeFileSync(path.join(dir, "widget-panel.js"), "export const mount = () => {};");
    h = await createHarness({ paths: { widgetDir: dir } });
    for (const [url, body] of [
      ["/widget.js", "/* loader */"],
      ["/widget-panel.js?v=0123456789", "export const mount = () => {};"],
    ] as const) {
      const res = await h.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type"), url).toBe("text/javascript; charset=utf-8");
      expect(res.headers.get("access-control-allow-origin"), url).toBe("*");
      expect(res.headers.get("cache-control"), url).toBe("public, max-age=300");
      expect(await res.text(), url).toBe(body);
      const etag = res.headers.get("etag");
      expect(etag, url).toBeTruthy();
      expect((await h.app.request(url, { headers: { "If-None-Match": etag! } })).status, url).toBe(304);
    }
    expect((await h.app.request("/widget-other.js")).status).toBe(404);
    await h.close();
    h = await createHarness();
    for (const url of ["/widget.js", "/widget-panel.js"]) {
      const missing = await h.app.request(url);
      expect(missing.status, url).toBe(503);
      expect(await missing.json(), url).toMatchObject({ error: { code: "widget_not_built" } });
    }
  });
});
