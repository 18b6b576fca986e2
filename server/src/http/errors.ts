import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

import type { ErrorBody } from "@beckon/contract/errors";

export type { ErrorBody };

/** An error meant for the client: its code, message and fields become the JSON answer. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The one place errors become responses: `{ error: { code, message, fields? } }`. */
export function errorResponse(err: Error, c: Context, log: Pick<Console, "error">): Response {
  if (err instanceof ApiError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.fields && { fields: err.fields }) } };
    return c.json(body, err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    const code = err.status === 413 ? "payload_too_large" : err.status === 404 ? "not_found" : "http_error";
    const message = err.status === 413 ? "That request is too large." : err.message || "Request failed.";
    return c.json({ error: { code, message } } satisfies ErrorBody, err.status as ContentfulStatusCode);
  }
  log.error("unhandled error", err);
  return c.json({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } } satisfies ErrorBody, 500);
}
