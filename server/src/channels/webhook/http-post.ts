import http from "node:http";
import https from "node:https";
import { checkedLookup, type AddressPolicy } from "./endpoint-address.ts";

/** A receiver's answer that was not 2xx: retried unless it can never succeed (see `classifyWebhookFailure`). */
export class WebhookHttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export type WebhookPost = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number }>;

/**
 * POSTs a delivery with node's own client: the socket resolves through `checkedLookup`, so a private
 * address is refused at connect time too; redirects are not followed (a 3xx is a failure); the whole
 * exchange has `timeoutMs`. Only the status is read; the answer's body is discarded.
 */
export function createWebhookPost(opts: { policy: AddressPolicy; timeoutMs: number; userAgent: string }): WebhookPost {
  const lookup = checkedLookup(opts.policy);
  return (url, body, headers) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const client = target.protocol === "https:" ? https : http;
      const req = client.request(
        target,
        {
          method: "POST",
          lookup: lookup as never,
          timeout: opts.timeoutMs,
          headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "User-Agent": opts.userAgent, ...headers },
        },
        (res) => {
          res.resume();
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ status });
          else reject(new WebhookHttpError(status));
        },
      );
      // One deadline for the whole exchange, not only for idle sockets.
      const deadline = setTimeout(() => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), opts.timeoutMs);
      req.on("close", () => clearTimeout(deadline));
      req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      req.on("error", reject);
      req.end(body);
    });
}

/** Sorts a failed delivery: may a later attempt succeed, and what the owner reads (one sentence). */
export function classifyWebhookFailure(err: unknown): { transient: boolean; sentence: string } {
  if (err instanceof WebhookHttpError) {
    // 410 Gone: the receiver says this endpoint is no more. Anything else may be fixed on their side.
    if (err.status === 410) return { transient: false, sentence: "The endpoint answered 410 Gone: it no longer accepts deliveries." };
    if (err.status >= 300 && err.status < 400) return { transient: true, sentence: `The endpoint answered with a redirect (HTTP ${err.status}); Beckon does not follow redirects.` };
    return { transient: true, sentence: `The endpoint answered HTTP ${err.status}.` };
  }
  const code = String((err as { code?: unknown })?.code ?? "");
  if (code === "EPRIVATEADDRESS") return { transient: false, sentence: "The endpoint's address is on a private network, so Beckon will not deliver there." };
  if (/TIMEDOUT/.test(code)) return { transient: true, sentence: "The endpoint did not answer in time." };
  return { transient: true, sentence: `Beckon could not reach the endpoint${code ? ` (${code})` : ""}.` };
}
