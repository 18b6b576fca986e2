import type { Context } from "hono";
import { Invalid, UnsupportedType } from "../domain-errors.ts";
import { MAX_FILE_BYTES, MAX_FILES, prepareFile, type PreparedFile } from "./file-intake.ts";

/** The body limit of an upload route: five files at the cap, plus the form's own fields. */
export const UPLOAD_BODY_BYTES = MAX_FILES * MAX_FILE_BYTES + 64 * 1024;

/** A POST that carries files: `…/files` under the public or the admin API. */
export const isFileUpload = (c: { req: { method: string; path: string } }) => c.req.method === "POST" && /\/files$/.test(c.req.path);

export type UploadForm = { fields: Record<string, string>; files: File[] };

/**
 * Reads a multipart/form-data upload (size already capped by the route's body limit): its text
 * fields, and up to five `file` parts. Nothing is checked here beyond the count; see `prepareFiles`.
 */
export async function readUploadForm(c: Context): Promise<UploadForm> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) throw new UnsupportedType("unsupported_media_type", "Send files as multipart/form-data.");
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw new Invalid("invalid_form", "The upload could not be read.");
  }
  const fields: Record<string, string> = {};
  const files: File[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "file") files.push(value);
  }
  if (files.length > MAX_FILES) throw new Invalid("too_many_files", `At most ${MAX_FILES} files at a time.`);
  return { fields, files };
}

/** Checks and cleans every file of a form (see prepareFile); the first bad one refuses them all. */
export async function prepareFiles(files: File[]): Promise<PreparedFile[]> {
  const out: PreparedFile[] = [];
  for (const f of files) out.push(await prepareFile(new Uint8Array(await f.arrayBuffer()), f.name));
  return out;
}
