export type RetryPolicy = { baseMs: number; capMs: number; maxAttempts: number; random: () => number };

export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, capMs: 15 * 60_000, maxAttempts: 8, random: Math.random };

/** Exponential backoff with jitter: half the window fixed, half random, so retries after an outage spread out. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(window / 2 + (window / 2) * policy.random());
}

/**
 * Whether a provider failure may succeed later: 5xx, 429, timeouts and network errors may; other 4xx
 * (a bad number, bad credentials) will not. Twilio's SDK throws errors with a numeric `status` for HTTP
 * answers (not always `instanceof RestException`), and axios errors without one for network trouble.
 */
export function isRetryable(err: unknown): boolean {
  const e = err as { status?: unknown; responseCode?: unknown } | null;
  if (typeof e?.status === "number") return e.status >= 500 || e.status === 429 || e.status === 408;
  // SMTP: 4xx is "try again later", 5xx is a permanent refusal (unknown mailbox, rejected content).
  if (typeof e?.responseCode === "number") return e.responseCode < 500;
  return true;
}

/** A short, loggable description of a provider failure. */
export function describeFailure(err: unknown): string {
  const e = err as { status?: number; responseCode?: number; code?: number | string; message?: string } | null;
  const parts = [e?.status && `HTTP ${e.status}`, e?.responseCode && `SMTP ${e.responseCode}`, e?.code && `code ${e.code}`, e?.message].filter(Boolean);
  return (parts.join(": ") || String(err)).slice(0, 500);
}
