import type { Context } from "hono";
import type { z } from "zod";
import { JSON_BODY_BYTES, limitBody } from "./body-limit.ts";
import { ApiError } from "./errors.ts";
import { parseOrThrow } from "./validation.ts";

/**
 * Reads a JSON body sent as application/json or as text/plain (what the widget may send to skip a CORS
 * preflight). Size is limited before this by the body-limit middleware.
 */
export async function readJsonBody(c: Context, emptyAsNull = false): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== "application/json" && type !== "text/plain") {
    throw new ApiError(415, "unsupported_media_type", "Send the request as JSON (application/json or text/plain).");
  }
  const text = await c.req.text();
  if (emptyAsNull && !text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

const limits = new Map<number, ReturnType<typeof limitBody>>();

/**
 * The one way routes read a JSON body: at most `maxBytes` (413 `payload_too_large`), parsed (400
 * `invalid_json`, 415 for other types), and checked with `schema` (400 `validation_failed` naming
 * every bad field). Services get the schema's typed output, never `unknown`.
 */
export async function readBody<T extends z.ZodType>(c: Context, schema: T, maxBytes = JSON_BODY_BYTES): Promise<z.output<T>> {
  let limit = limits.get(maxBytes);
  if (!limit) limits.set(maxBytes, (limit = limitBody(maxBytes)));
  let input: unknown = null;
  await limit(c, async () => {
    // An empty body is "no input" (the schema then names what is missing), as the admin API always answered.
    input = await readJsonBody(c, true);
  });
  return parseOrThrow(schema, input);
}
