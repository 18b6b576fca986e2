// fetch, made safe for a UI: every outcome, including a network failure or a timeout, comes back as a
// value in the server's error shape, so components branch on `ok` and never need try/catch.

import type { ErrorBody } from "@beckon/contract/errors";

export type ApiError = ErrorBody["error"];
/** `retryAfter`: seconds to wait, from a `Retry-After` header (a 429's real wait). */
export type HttpResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError; retryAfter?: number };

/** Sends a request and reads a JSON answer; never throws, never rejects. Gives up after 15 s. */
export async function request<T>(url: string, init: RequestInit = {}): Promise<HttpResult<T>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 15e3);
  try {
    // No cookies: the widget is a guest on the shop's page and needs no session of its own.
    const response = await fetch(url, { credentials: "omit", ...init, signal: abort.signal });
    const body: unknown = await response.json().catch(() => undefined);
    return response.ok && body !== undefined
      ? { ok: true, status: response.status, data: body as T }
      : { ok: false, status: response.status, error: errorFrom(body), ...retryAfter(response.headers.get("retry-after")) };
  } catch {
    // No English here: the panel words its own failures from the code, in the shopper's language (form.ts).
    return { ok: false, status: 0, error: { code: "network", message: "" } };
  } finally {
    clearTimeout(timer);
  }
}

/** `Retry-After` as seconds (it may be a number of seconds or an HTTP date), when there is one. */
function retryAfter(header: string | null): { retryAfter?: number } {
  const seconds = header === null ? NaN : /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1e3;
  return seconds >= 0 ? { retryAfter: Math.ceil(seconds) } : {};
}

/** The server's `{ error: { code, message, fields? } }`, or a stand-in when the body is something else. */
export function errorFrom(body: unknown): ApiError {
  const error = (body as { error?: ApiError } | null | undefined)?.error;
  return typeof error?.code === "string" && typeof error.message === "string"
    ? error
    : { code: "bad_response", message: "" };
}
