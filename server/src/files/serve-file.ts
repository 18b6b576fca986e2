import type { Context } from "hono";
import { NotFound } from "../domain-errors.ts";
import type { attachments } from "../db/schema.ts";
import type { FileStore } from "./file-store.ts";
import { isImage } from "./file-intake.ts";

/**
 * Answers with a stored file (or its thumbnail): its sniffed type, `nosniff`, a CSP that lets nothing
 * run, private caching only, and `attachment` for anything but an image, so a PDF never opens as a
 * page of ours. `crossOrigin`: the widget shows shopper files on the shop's own origin.
 */
export async function serveFile(c: Context, store: FileStore, file: typeof attachments.$inferSelect, opts: { thumb: boolean; crossOrigin: boolean }) {
  const thumb = opts.thumb && file.thumbKey ? file.thumbKey : null;
  const bytes = await store.get(thumb ?? file.storageKey);
  if (!bytes) throw new NotFound("not_found", "That file is no longer here.");
  const inline = isImage(file.type);
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  c.header("Content-Type", thumb ? "image/webp" : file.type);
  c.header("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Content-Security-Policy", "default-src 'none'; sandbox");
  c.header("Cache-Control", "private, max-age=3600");
  c.header("Cross-Origin-Resource-Policy", opts.crossOrigin ? "cross-origin" : "same-origin");
  return c.body(bytes as Uint8Array<ArrayBuffer>);
}
