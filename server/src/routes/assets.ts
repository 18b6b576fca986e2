import { Hono, type Context } from "hono";
import { etag } from "hono/etag";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { LOCALES } from "@beckon/contract/locales";
import { ApiError } from "../http/errors.ts";
import { readBuilt } from "../http/precompressed.ts";

/** `widgetDir` is the widget's build output (widget/dist): widget.js and widget-panel.js. */
export type AssetDeps = { widgetDir: string; demoDir: string; publicUrl: string };

// The loader every page loads, and the panel it imports (as an ES module, so it needs CORS) when opened.
// Then the panel's catalogs, one per locale, the phone chunk the call-back form imports on demand, and
// the plain-JS SHA-256 the proof of work imports on pages without crypto.subtle.
const widgetFiles = ["widget.js", "widget-panel.js", "widget-phone.js", "widget-pow.js", "widget-sha256.js", "widget-chat-extras.js", "widget-files.js", ...LOCALES.flatMap((l) => [`widget-locale-${l}.js`, `widget-files-locale-${l}.js`])];

// The demo page that proves the widget needs no 'unsafe-inline' for scripts or styles.
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const demoFile = /^[a-z0-9-]+\.(html|css|svg|js)$/;
const contentTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  js: "text/javascript; charset=utf-8",
};

/** Serves the widget (loader and panel) and the demo shop (which installs the widget exactly as a customer would). */
export function assets(deps: AssetDeps) {
  const app = new Hono();

  for (const file of widgetFiles) {
    app.get(`/${file}`, etag(), async (c) => {
      const built = await readBuilt(deps.widgetDir, file, c.req.header("Accept-Encoding"));
      if (!built) throw new ApiError(503, "widget_not_built", "The widget has not been built yet: run `npm run build`.");
      if (built.encoding) c.header("Content-Encoding", built.encoding);
      c.header("Vary", "Accept-Encoding");
      c.header("Content-Type", "text/javascript; charset=utf-8");
      c.header("Cache-Control", "public, max-age=300");
      c.header("Access-Control-Allow-Origin", "*");
      return c.body(built.body);
    });
  }

  app.get("/demo", (c) => c.redirect("/demo/"));
  const demoPage = async (c: Context, file: string) => {
    if (!demoFile.test(file)) return c.notFound();
    const content = await readFile(path.join(deps.demoDir, file), "utf8").catch(() => undefined);
    if (content === undefined) return c.notFound();
    const ext = file.split(".").pop()!;
    if (file === "strict-csp.html") c.header("Content-Security-Policy", STRICT_CSP);
    c.header("Content-Type", contentTypes[ext]!);
    return c.body(ext === "html" ? content.replaceAll("%PUBLIC_URL%", deps.publicUrl) : content);
  };
  app.get("/demo/", (c) => demoPage(c, "index.html"));
  app.get("/demo/:file", (c) => demoPage(c, c.req.param("file")));

  return app;
}
