import type { MiddlewareHandler } from "hono";
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";
import { gzipSync } from "node:zlib";

/** Bodies up to this size are gzipped in one step; larger ones (an export) stream through Hono's compress. */
const IN_ONE_STEP = 64 * 1024;

/**
 * Gzip for answers built per request (JSON, HTML, CSS, text) of at least `threshold` bytes, when the
 * client accepts it. Built files (widget, admin) already carry the build's own brotli or gzip copy and
 * are left as they are, and so are event streams (never compressible by type, and never buffered here).
 *
 * Only answers to GET: everything else answers with an acknowledgement or an error, small by design, and
 * looking at an answer costs (the server's light Response turns into a real one, with a stream). That
 * cost was a tenth of a call-back's CPU on the public hot path (issue #16).
 */
export function compressAnswers(threshold = 1024): MiddlewareHandler {
  const streamed = compress({ threshold });
  const idle = async () => {};
  return async (c, next) => {
    await next();
    if (c.req.method !== "GET" || !/\bgzip\b/i.test(c.req.header("Accept-Encoding") ?? "")) return;
    const res = c.res;
    if (!res.body || res.headers.has("Content-Encoding") || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get("Content-Type") ?? "")) return;
    const declared = res.headers.get("Content-Length");
    if (declared !== null && Number(declared) < threshold) return;
    // A c.json() answer has no Content-Length until it is sent; read it (one string) to judge its size.
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const init = { status: res.status, statusText: res.statusText, headers };
    // Hono copies the old answer's headers onto a new one (and builds it again); these headers are complete.
    const answer = (r: Response) => {
      c.res = undefined as unknown as Response;
      c.res = r;
    };
    if (body.byteLength < threshold) {
      headers.set("Content-Length", String(body.byteLength));
      answer(new Response(body, init));
      return;
    }
    if (body.byteLength > IN_ONE_STEP) {
      answer(new Response(body, init));
      return streamed(c, idle);
    }
    const gz = gzipSync(body);
    headers.set("Content-Encoding", "gzip");
    headers.set("Content-Length", String(gz.byteLength));
    headers.append("Vary", "Accept-Encoding");
    answer(new Response(gz, init));
  };
}
