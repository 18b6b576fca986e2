import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./errors.ts";

/** JSON and forms: the admin API, setup, sign-in, the public API, shopper links. */
export const JSON_BODY_BYTES = 16 * 1024;
/** Twilio's webhooks: a few hundred bytes of form, with room for a long SMS and its media fields. */
export const WEBHOOK_BODY_BYTES = 64 * 1024;

/**
 * Refuses a body over `maxSize` bytes with 413 `payload_too_large`. Enforced while the body streams
 * in (Hono's bodyLimit): a declared Content-Length over the cap is refused unread, and a chunked body
 * is read only up to the cap, so a 200 MB post never sits in memory.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `That request is too large (${Math.round(maxSize / 1024)} KB at most).`);
    },
  });
}

/** Picks a limit per request (e.g. the photo upload's own cap under the JSON API's prefix). */
export function limitBodyBy(pick: (c: Context) => number): MiddlewareHandler {
  const cache = new Map<number, MiddlewareHandler>();
  return (c, next) => {
    const max = pick(c);
    let handler = cache.get(max);
    if (!handler) cache.set(max, (handler = limitBody(max)));
    return handler(c, next);
  };
}
