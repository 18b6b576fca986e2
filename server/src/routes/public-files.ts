import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { Invalid, NotFound, Unavailable } from "../domain-errors.ts";
import type { SiteVars } from "../http/site-access.ts";
import { clientIp } from "../http/client-ip.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import type { Counters } from "../rate-limit/counters.ts";
import { everyRequestLimit } from "../rate-limit/submission-limits.ts";
import { shopperChat } from "../chat/chat-access.ts";
import { filesLineInput, postShopperLine } from "../chat/chat.ts";
import { parseIn } from "../i18n/field-errors.ts";
import { shopperLanguage } from "./shopper-input.ts";
import { findFile, storeFiles, withStoredFiles } from "../files/attachments.ts";
import type { FileStore } from "../files/file-store.ts";
import { prepareFiles, readUploadForm } from "../files/file-upload.ts";
import { serveFile } from "../files/serve-file.ts";

export type PublicFilesDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  trustProxy: boolean;
  counters: Counters;
  pipeline: Pipeline;
  /** Undefined: this server keeps no files (uploads answer 503). */
  files: FileStore | undefined;
};

/**
 * The shopper's files in a chat: a line with up to five files (multipart/form-data, the chat token in
 * the form), and each file back again with the chat token in `?token=` (an <img> cannot send headers).
 */
export function publicFiles(deps: PublicFilesDeps) {
  const app = new Hono<SiteVars>();
  const { db, clock } = deps;
  const store = () => deps.files ?? (() => { throw new Unavailable("files_off", "This server does not keep files."); })();
  // Pictures are heavier than words: a few a minute per chat, and per address across chats.
  const perChat = everyRequestLimit(deps, (c) => ({ key: `files:${c.req.param("id")}`, limit: 10, windowMs: 10 * 60_000 }), "You are sending files too quickly. Wait a moment.");
  const perAddress = everyRequestLimit(deps, (c) => ({ key: `files-ip:${clientIp(c, deps.trustProxy)}`, limit: 30, windowMs: 10 * 60_000 }), "You are sending files too quickly. Wait a moment.");

  app.post("/sites/:site/chats/:id/files", perChat, perAddress, async (c) => {
    const site = c.get("site");
    const id = c.req.param("id");
    const files = store();
    const form = await readUploadForm(c);
    // A stranger's upload is refused before any of it is decoded or kept.
    await shopperChat(db, site.id, id, form.fields.token);
    if (!form.files.length) throw new Invalid("no_files", "Choose a file to send.");
    const stored = await storeFiles(files, site.id, "shopper", await prepareFiles(form.files), clock.now());
    const raw = { token: form.fields.token, message: form.fields.message ?? "", clientId: form.fields.clientId || undefined, locale: form.fields.locale };
    const input = parseIn(shopperLanguage(c)(raw), filesLineInput, raw);
    const { message } = await withStoredFiles(stored, () => postShopperLine(deps, site, id, input, stored.rows));
    return c.json({ message }, 201);
  });

  app.get("/sites/:site/chats/:id/files/:file", async (c) => {
    const id = c.req.param("id");
    await shopperChat(db, c.get("site").id, id, c.req.query("token"));
    const file = await findFile(db, c.req.param("file"));
    if (!file || file.requestId !== id) throw new NotFound("not_found", "There is no such file in this chat.");
    return serveFile(c, store(), file, { thumb: c.req.query("thumb") === "1", crossOrigin: true });
  });

  return app;
}
