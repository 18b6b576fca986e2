import type { MiddlewareHandler } from "hono";
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";

/**
 * Gzip for answers built per request (JSON, HTML, CSS, text) of at least `threshold` bytes, when the
 * client accepts it. Built files (widget, admin) already carry the build's own brotli or gzip copy and
 * are left as they are, and so are event streams (never compressible by type, and never buffered here).
 */
export function compressAnswers(threshold = 1024): MiddlewareHandler {
  const gzip = compress({ threshold });
  const idle = async () => {};
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has("Content-Encoding") || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get("Content-Type") ?? "")) return;
    // Hono's compress judges size by Content-Length, which a c.json() answer lacks until it is sent:
    // without one it would gzip a 40-byte 201 on the public hot path. The body is one string; read it.
    if (!res.headers.has("Content-Length")) {
      const body = await res.arrayBuffer();
      c.res = new Response(body, res);
      c.res.headers.set("Content-Length", String(body.byteLength));
    }
    await gzip(c, idle);
  };
}
