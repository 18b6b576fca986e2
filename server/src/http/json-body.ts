import type { Context } from "hono";
import type { z } from "zod";
import { parseIn } from "../i18n/field-errors.ts";
import type { Locale } from "../i18n/locales.ts";
import { JSON_BODY_BYTES, limitBody } from "./body-limit.ts";
import { ApiError } from "./errors.ts";
import { parseOrThrow } from "./validation.ts";

export type BodyOptions = {
  /** 413 `payload_too_large` above this (default 16 KB). */
  maxBytes?: number;
  /** Shopper input: validation messages in the language the body asks for (its `locale`, else the site's). */
  locale?: (input: unknown) => Locale;
  /** An empty body is 400 `invalid_json`, as the public API has always answered (the admin API reads it as no input). */
  requireJson?: boolean;
};

const limits = new Map<number, ReturnType<typeof limitBody>>();

/**
 * The one way routes read a JSON body: at most `maxBytes` (413 `payload_too_large`), sent as
 * application/json or text/plain (what the widget sends to skip a CORS preflight; 415 otherwise),
 * parsed (400 `invalid_json`), and checked with `schema` (400 `validation_failed` naming every bad
 * field, in the shopper's language with `locale`). Services get the schema's typed output, never `unknown`.
 */
export async function readBody<T extends z.ZodType>(c: Context, schema: T, opts: BodyOptions = {}): Promise<z.output<T>> {
  const maxBytes = opts.maxBytes ?? JSON_BODY_BYTES;
  let limit = limits.get(maxBytes);
  if (!limit) limits.set(maxBytes, (limit = limitBody(maxBytes)));
  let input: unknown = null;
  await limit(c, async () => {
    input = await parseJson(c, opts.requireJson ?? false);
  });
  return opts.locale ? parseIn(opts.locale(input), schema, input) : parseOrThrow(schema, input);
}

/** The body as JSON; an empty one is "no input" (the schema then names what is missing) unless `requireJson`. */
async function parseJson(c: Context, requireJson: boolean): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== "application/json" && type !== "text/plain") {
    throw new ApiError(415, "unsupported_media_type", "Send the request as JSON (application/json or text/plain).");
  }
  const text = await c.req.text();
  if (!requireJson && !text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}
