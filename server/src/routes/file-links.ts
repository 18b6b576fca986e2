import { Hono } from "hono";
import type { Db } from "../db/client.ts";
import { NotFound, Unavailable } from "../domain-errors.ts";
import { findFile } from "../files/attachments.ts";
import { fileLinkValid } from "../files/file-links.ts";
import type { FileStore } from "../files/file-store.ts";
import { serveFile } from "../files/serve-file.ts";

/** Files opened from an email to the shopper: `/f/:id/:signature` (see files/file-links.ts). */
export function fileLinks(deps: { db: Db; linkSecret: string; files: FileStore | undefined }) {
  const app = new Hono();
  app.get("/f/:id/:signature", async (c) => {
    const id = c.req.param("id");
    // A wrong signature and a missing file answer alike, so ids cannot be probed.
    const file = fileLinkValid(deps.linkSecret, id, c.req.param("signature")) ? await findFile(deps.db, id) : undefined;
    if (!file) throw new NotFound("not_found", "This file link is not valid, or the file was deleted.");
    if (!deps.files) throw new Unavailable("files_off", "This server does not keep files.");
    return serveFile(c, deps.files, file, { thumb: c.req.query("thumb") === "1", crossOrigin: false });
  });
  return app;
}
