import { Hono, type Context } from "hono";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { etag } from "hono/etag";
import { ApiError } from "../http/errors.ts";
import { readBuilt } from "../http/precompressed.ts";

// The owner's pages run our own script and stylesheet only.
const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="theme-color" content="#1f6f5c">
<link rel="manifest" href="/admin/manifest.webmanifest">
<link rel="icon" href="/admin/icons/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/admin/icons/icon-192.png">
<title>Beckon inbox</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
<script type="module" src="/admin/assets/admin.js"></script>
</head>
<body><div id="app"><noscript>The Beckon inbox needs JavaScript.</noscript></div></body>
</html>`;

const assetFile = /^admin\.(js|css)$/;

// The installable app (admin/public, copied to dist/public by the build): file → content type.
const APP_FILES: Record<string, string> = {
  "manifest.webmanifest": "application/manifest+json",
  "sw.js": "text/javascript; charset=utf-8",
  "offline.html": "text/html; charset=utf-8",
  "icons/icon.svg": "image/svg+xml",
  "icons/icon-maskable.svg": "image/svg+xml",
  "icons/icon-192.png": "image/png",
  "icons/icon-512.png": "image/png",
  "icons/icon-maskable-192.png": "image/png",
  "icons/icon-maskable-512.png": "image/png",
};

/** Serves the owner inbox app: one HTML shell for every /admin path (the app routes itself), and its assets. */
export function adminUi(deps: { adminDist: string }) {
  const app = new Hono();
  app.get("/admin/assets/:file", etag(), async (c) => {
    const file = c.req.param("file");
    if (!assetFile.test(file)) return c.notFound();
    const built = await readBuilt(deps.adminDist, file, c.req.header("Accept-Encoding"));
    if (!built) throw new ApiError(503, "admin_not_built", "The inbox has not been built yet: run `npm run build`.");
    if (built.encoding) c.header("Content-Encoding", built.encoding);
    c.header("Vary", "Accept-Encoding");
    c.header("Content-Type", file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    return c.body(built.body);
  });
  const shell = (c: Context) => {
    c.header("Content-Security-Policy", ADMIN_CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("Cache-Control", "no-store");
    return c.html(SHELL);
  };
  for (const [file, type] of Object.entries(APP_FILES)) {
    app.get(`/admin/${file}`, etag(), async (c) => {
      const body = await readFile(path.join(deps.adminDist, "public", file)).catch(() => null);
      if (!body) throw new ApiError(503, "admin_not_built", "The inbox has not been built yet: run `npm run build`.");
      c.header("Content-Type", type);
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Cache-Control", "no-cache");
      // The worker lives under /admin/ but serves /admin itself (the app's start page).
      if (file === "sw.js") c.header("Service-Worker-Allowed", "/admin");
      if (file === "offline.html") c.header("Content-Security-Policy", ADMIN_CSP);
      return c.body(body);
    });
  }
  app.get("/admin", shell);
  app.get("/admin/*", shell);
  return app;
}
