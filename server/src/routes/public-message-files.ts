import { Hono, type Context, type MiddlewareHandler } from "hono";
import { ApiError } from "../http/errors.ts";
import { clientIp } from "../http/client-ip.ts";
import type { SiteVars } from "../http/site-access.ts";
import { DomainError, Invalid, Unavailable } from "../domain-errors.ts";
import { findFile, storeFiles, withStoredFiles } from "../files/attachments.ts";
import type { FileStore } from "../files/file-store.ts";
import { prepareFiles, readUploadForm } from "../files/file-upload.ts";
import { messageInput, submitMessage, type MessageDeps } from "../messages/messages.ts";
import type { Counters } from "../rate-limit/counters.ts";
import { everyRequestLimit } from "../rate-limit/submission-limits.ts";
import type { SenderCheck } from "../spam/screen.ts";
import { submissionOf } from "./shopper-input.ts";

export type MessageFilesDeps = MessageDeps & {
  trustProxy: boolean;
  counters: Counters;
  /** The public forms' submission limits (per address, per site). */
  limits: MiddlewareHandler<SiteVars>;
  /** The spam screen of a submission's raw body (blocked sender, proof of work). */
  sender: (c: Context<SiteVars>, body: unknown) => SenderCheck;
  files: FileStore | undefined;
};

/** A file's refusal, also under `fields.files`, so a form shows it at its file picker. */
function atFilesField(err: unknown): never {
  if (err instanceof DomainError && !err.fields) {
    const Kind = err.constructor as new (code: string, message: string, fields: Record<string, string>) => DomainError;
    throw new Kind(err.code, err.message, { files: err.message });
  }
  throw err;
}

/**
 * "Send a message" with photos or PDFs: one multipart/form-data POST, whose `body` part is the JSON that
 * POST /messages takes and whose 1–5 `file` parts are checked like a chat's (files/file-intake.ts). The
 * answer is POST /messages' own, given only once the message and its files are committed together.
 */
export function publicMessageFiles(deps: MessageFilesDeps) {
  const app = new Hono<SiteVars>();
  // The same per-address budget as a chat's files, on top of the forms' own limits.
  const perAddress = everyRequestLimit(deps, (c) => ({ key: `files-ip:${clientIp(c, deps.trustProxy)}`, limit: 30, windowMs: 10 * 60_000 }), "You are sending files too quickly. Wait a moment.");

  app.post("/sites/:site/messages/files", deps.limits, perAddress, async (c) => {
    const site = c.get("site");
    const store = deps.files;
    if (!store) throw new Unavailable("files_off", "This server does not keep files.");
    const form = await readUploadForm(c).catch(atFilesField);
    let body: unknown;
    try {
      body = JSON.parse(form.fields.body ?? "");
    } catch {
      throw new ApiError(400, "invalid_json", "The `body` part is not valid JSON.");
    }
    // A replayed Idempotency-Key or a filled honeypot is answered before any file is decoded.
    const read = await submissionOf(c, deps.db, messageInput, body);
    if ("answer" in read) {
      if (read.answer.rejected) c.set("submissionRejected", true);
      return c.json(read.answer.body, read.answer.status);
    }
    if (!form.files.length) throw new Invalid("no_files", "Choose a file to send.", { files: "Choose a file to send." });
    // Files are checked before the spam screen spends the shopper's proof of work: a refused file can be swapped and sent again.
    const stored = await storeFiles(store, site.id, "shopper", await prepareFiles(form.files).catch(atFilesField), deps.clock.now());
    const meta = { idempotencyKey: c.req.header("idempotency-key"), origin: c.req.header("origin"), sender: deps.sender(c, body) };
    const answer = await withStoredFiles(stored, () => submitMessage(deps, site, read.submission, meta, stored.rows));
    // A retry with the same key that won the race kept its own files: these bytes have no row.
    if (!(await findFile(deps.db, stored.rows[0]!.id))) await stored.discard();
    if (answer.rejected) c.set("submissionRejected", true);
    return c.json(answer.body, answer.status);
  });

  return app;
}
