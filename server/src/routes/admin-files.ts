import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { NotFound, Unavailable } from "../domain-errors.ts";
import type { AdminVars } from "../http/session.ts";
import { parseOrThrow } from "../http/validation.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import { memberRequest } from "../inbox/inbox.ts";
import { answerInput, answerWithFilesInput, postOwnerLine } from "../chat/chat-owner.ts";
import { findFile, storeFiles, withStoredFiles } from "../files/attachments.ts";
import type { FileStore } from "../files/file-store.ts";
import { prepareFiles, readUploadForm } from "../files/file-upload.ts";
import { serveFile } from "../files/serve-file.ts";
import { fileLink } from "../files/file-links.ts";
import { replyInput, replyWithFilesInput, sendReply } from "../inbox/replies.ts";

export type AdminFilesDeps = {
  db: Db;
  clock: Clock;
  mailFrom: { address: string };
  pipeline: Pipeline;
  files: FileStore | undefined;
  /** For the file links in the email a gone shopper gets (see files/file-links.ts). */
  links: { publicUrl: string; secret: string } | undefined;
};

/** Files for owners: any file of a request on one of their sites, and answers with files (a chat line, or an emailed reply to a message). */
export function adminFileRoutes(deps: AdminFilesDeps) {
  const app = new Hono<AdminVars>();
  const { db } = deps;
  const store = () => deps.files ?? (() => { throw new Unavailable("files_off", "This server does not keep files."); })();

  app.get("/files/:file", async (c) => {
    const file = await findFile(db, c.req.param("file"));
    if (!file) throw new NotFound("not_found", "There is no such file in your sites.");
    // Only members of the file's site: anyone else gets the same 404 as for a file that does not exist.
    await memberRequest(db, c.get("session").user.id, file.requestId!);
    return serveFile(c, store(), file, { thumb: c.req.query("thumb") === "1", crossOrigin: false });
  });

  app.post("/requests/:id/files", async (c) => {
    const userId = c.get("session").user.id;
    const id = c.req.param("id");
    const files = store();
    const form = await readUploadForm(c);
    const row = await memberRequest(db, userId, id);
    const isMessage = row.request.kind === "message";
    const input = parseOrThrow(form.files.length ? (isMessage ? replyWithFilesInput : answerWithFilesInput) : isMessage ? replyInput : answerInput, { text: form.fields.text ?? "" });
    const stored = await storeFiles(files, row.site.id, "owner", await prepareFiles(form.files), deps.clock.now());
    const links = deps.links ? stored.rows.map((f) => `${f.name}: ${fileLink(deps.links!.publicUrl, deps.links!.secret, f.id)}`) : [];
    // A message is answered by email: the shopper's mail links the files (signed links), as a gone chat shopper's does.
    if (isMessage) {
      await withStoredFiles(stored, () => sendReply(deps, userId, id, input, stored.rows, links));
      return c.json({ files: stored.rows.length }, 201);
    }
    const { message } = await withStoredFiles(stored, () => postOwnerLine(deps, userId, id, input, "inbox", stored.rows, links));
    return c.json({ message }, 201);
  });

  return app;
}
