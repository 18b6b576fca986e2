import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

import type { ErrorBody } from "@beckon/contract/errors";
import { DomainError, RateLimited, type DomainErrorKind } from "../domain-errors.ts";

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

const STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  upstream_failed: 502,
  unavailable: 503,
};

/** The HTTP form of a service's domain error: same code, message and fields, the status for its kind. */
export function toApiError(err: DomainError): ApiError {
  const headers = err instanceof RateLimited && err.retryAfterSeconds !== undefined ? { "Retry-After": String(err.retryAfterSeconds) } : undefined;
  return new ApiError(STATUS[err.kind], err.code, err.message, err.fields, headers);
}

/** The one place errors become responses: `{ error: { code, message, fields? } }`. */
export function errorResponse(err: Error, c: Context, log: Pick<Console, "error">): Response {
  if (err instanceof DomainError) err = toApiError(err);
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
