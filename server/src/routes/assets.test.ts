import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
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

  it("sends the build's brotli or gzip copy to clients that accept it, with Vary and an ETag per encoding", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-widget-"));
    const loader = "/* loader */ ".repeat(50);
    writeFileSync(path.join(dir, "widget.js"), loader);
    writeFileSync(path.join(dir, "widget.js.gz"), gzipSync(loader));
    writeFileSync(path.join(dir, "widget.js.br"), brotliCompressSync(loader));
    writeFileSync(path.join(dir, "widget-panel.js"), "export {};");
    writeFileSync(path.join(dir, "widget-panel.js.gz"), gzipSync("export {};"));
    h = await createHarness({ paths: { widgetDir: dir } });
    const get = (acceptEncoding?: string) => h.app.request("/widget.js", { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} });

    const br = await get("gzip, deflate, br");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(loader);
    const gz = await get("gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(loader);
    expect((await get("br;q=0, gzip")).headers.get("content-encoding")).toBe("gzip");
    const plain = await get();
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(loader);
    for (const res of [br, gz, plain]) expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(new Set([br, gz, plain].map((r) => r.headers.get("etag"))).size).toBe(3);
    expect((await h.app.request("/widget.js", { headers: { "Accept-Encoding": "br", "If-None-Match": br.headers.get("etag")! } })).status).toBe(304);
    // No .br beside the panel: gzip, the next best.
    expect((await h.app.request("/widget-panel.js", { headers: { "Accept-Encoding": "br, gzip" } })).headers.get("content-encoding")).toBe("gzip");
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
    for (const url of ["/widget.js", "/widget-panel.js", "/widget-sha256.js"]) {
      const missing = await h.app.request(url);
      expect(missing.status, url).toBe(503);
      expect(await missing.json(), url).toMatchObject({ error: { code: "widget_not_built" } });
    }
  });
});
