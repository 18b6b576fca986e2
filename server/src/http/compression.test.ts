import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { compressAnswers } from "./compression.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("compressed answers", () => {
  it("gzips the widget's config for clients that accept it, and a matching If-None-Match gets a 304", async () => {
    h = await createHarness();
    const get = (headers: Record<string, string>) => h!.app.request("/api/v1/sites/shop/config", { headers: { Origin: PUBLIC_URL, ...headers } });
    const plain = await get({});
    const json = await plain.text();
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(json.length).toBeGreaterThan(1024);

    const gz = await get({ "Accept-Encoding": "gzip, deflate, br" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("vary")).toMatch(/Accept-Encoding/);
    const body = Buffer.from(await gz.arrayBuffer());
    expect(body.length).toBeLessThan(json.length / 2);
    expect(gunzipSync(body).toString()).toBe(json);

    const etag = gz.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await get({ "Accept-Encoding": "gzip", "If-None-Match": etag! })).status).toBe(304);
  });

  it("gzips the owner app's HTML and the demo pages", async () => {
    h = await createHarness({ paths: { demoDir: path.resolve(import.meta.dirname, "../../../demo-site") } });
    const demo = await h.app.request("/demo/", { headers: { "Accept-Encoding": "gzip" } });
    expect(demo.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await demo.arrayBuffer())).toString()).toContain("/widget.js");
  });

  it("gzips widget.js on the fly where the build left no compressed copy, and still answers 304 to its ETag", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-widget-"));
    const loader = "/* loader */ ".repeat(200);
    writeFileSync(path.join(dir, "widget.js"), loader);
    h = await createHarness({ paths: { widgetDir: dir } });
    const res = await h.app.request("/widget.js", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(loader);
    const again = await h.app.request("/widget.js", { headers: { "Accept-Encoding": "gzip, br", "If-None-Match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("leaves small answers as they are, with their length", async () => {
    h = await createHarness();
    const res = await h.app.request("/api/v1/sites/nope/config", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(Number(res.headers.get("content-length"))).toBe((await res.arrayBuffer()).byteLength);
  });

  it("leaves answers to anything but GET alone, however long (acknowledgements and errors, not worth reading twice)", async () => {
    const app = new Hono();
    app.use("*", compressAnswers());
    const big = { note: "x".repeat(4000) };
    app.post("/form", (c) => c.json(big, 201));
    app.get("/form", (c) => c.json(big));
    const posted = await app.request("/form", { method: "POST", headers: { "Accept-Encoding": "gzip" } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get("content-encoding")).toBeNull();
    expect(await posted.json()).toEqual(big);
    const got = await app.request("/form", { headers: { "Accept-Encoding": "gzip" } });
    expect(got.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await got.arrayBuffer())).toString())).toEqual(big);
  });

  it("never holds back an event stream", async () => {
    const app = new Hono();
    app.use("*", compressAnswers());
    app.get("/live", (c) => streamSSE(c, async (s) => {
      await s.writeSSE({ data: "x".repeat(2000) });
      await new Promise(() => {}); // stays open, like a chat stream
    }));
    const res = await app.request("/live", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBeNull();
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("data: xxx");
    await reader.cancel();
  });
});
