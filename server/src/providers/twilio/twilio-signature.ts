import type { MiddlewareHandler } from "hono";
import { ApiError } from "../../http/errors.ts";

export type TwilioParams = Record<string, string | string[]>;
export type TwilioVars = { Variables: { twilioParams: TwilioParams } };

/**
 * Accepts a Twilio webhook only when `X-Twilio-Signature` matches the URL Twilio was given
 * (`PUBLIC_URL` + path + query: the request's own URL is wrong behind a proxy) and the form body.
 * Without an auth token nothing can be checked, so nothing is accepted.
 */
export function twilioSignature(opts: { authToken: string | undefined; publicUrl: string }): MiddlewareHandler<TwilioVars> {
  let validate: ((token: string, signature: string, url: string, params: TwilioParams) => boolean) | undefined;
  return async (c, next) => {
    if (!opts.authToken) throw new ApiError(403, "webhooks_disabled", "Twilio is not configured on this server.");
    const signature = c.req.header("X-Twilio-Signature");
    if (!signature) throw new ApiError(403, "bad_signature", "This request is not signed by Twilio.");
    const form = await c.req.parseBody({ all: true }).catch(() => ({}));
    const params: TwilioParams = {};
    for (const [key, value] of Object.entries(form)) {
      params[key] = Array.isArray(value) ? value.map(String) : String(value);
    }
    const requestUrl = new URL(c.req.url);
    const url = opts.publicUrl.replace(/\/$/, "") + requestUrl.pathname + requestUrl.search;
    // The SDK is loaded on first use: it costs ~100 ms of start-up for servers that never get a webhook.
    validate ??= (await import("twilio")).default.validateRequest;
    if (!validate(opts.authToken, signature, url, params)) throw new ApiError(403, "bad_signature", "The Twilio signature does not match.");
    c.set("twilioParams", params);
    await next();
  };
}

/** One form value as a string ("" when absent). */
export const param = (params: TwilioParams, key: string): string => {
  const value = params[key];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
};
