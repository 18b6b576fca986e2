/**
 * How long and how often the outbox retries. A transient failure is retried with capped exponential
 * backoff and jitter until `giveUpAfterMs` has passed since the item was queued (or re-queued by
 * "Retry now"); a permanent one ends the item at once.
 */
export type RetryPolicy = { baseMs: number; capMs: number; giveUpAfterMs: number; random: () => number };

export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, capMs: 15 * 60_000, giveUpAfterMs: 24 * 60 * 60_000, random: Math.random };

/** Exponential backoff with jitter: half the window fixed, half random, so retries after an outage spread out. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(window / 2 + (window / 2) * policy.random());
}

/** A provider failure, sorted: may it succeed later, and what the owner reads about it (one sentence). */
export type Failure = { transient: boolean; sentence: string };

type ProviderError = { status?: unknown; responseCode?: unknown; code?: unknown; message?: unknown; name?: unknown } | null;

// Twilio error codes that name the recipient or the account, not the moment: retrying cannot help.
const TWILIO_SENTENCES: Record<number, string> = {
  20003: "Twilio refused Beckon's account details (error 20003); check the Twilio settings.",
  21211: "Twilio says this is not a valid phone number (error 21211).",
  21408: "Your Twilio account may not send to this country (error 21408).",
  21608: "Your Twilio trial account may only text verified numbers (error 21608).",
  21610: "This number replied STOP to your Twilio number, so Twilio will not text it (error 21610).",
  21614: "Twilio says this number cannot receive texts (error 21614).",
};

/**
 * Sorts a provider failure. Twilio's SDK throws errors with a numeric `status` for HTTP answers (not
 * always `instanceof RestException`), and axios errors without one for network trouble; nodemailer
 * gives SMTP's `responseCode`, or a `code` like ETIMEDOUT for connection trouble.
 */
export function classifyFailure(err: unknown, channel: "sms" | "email"): Failure {
  const e = err as ProviderError;
  const provider = channel === "sms" ? "Twilio" : "The mail server";
  if (typeof e?.status === "number") {
    const status = e.status;
    const code = typeof e.code === "number" ? e.code : undefined;
    if (status >= 500) return { transient: true, sentence: `${provider} had a problem on its side (HTTP ${status}).` };
    if (status === 429) return { transient: true, sentence: `${provider} asked Beckon to slow down (HTTP 429).` };
    if (status === 408) return { transient: true, sentence: `${provider} timed out (HTTP 408).` };
    const known = code !== undefined ? TWILIO_SENTENCES[code] : undefined;
    return { transient: false, sentence: known ?? `${provider} refused the message (HTTP ${status}${code !== undefined ? `, error ${code}` : ""}).` };
  }
  if (typeof e?.responseCode === "number") {
    // SMTP: 4xx is "try again later", 5xx is a permanent refusal (unknown mailbox, rejected content).
    if (e.responseCode < 500) return { transient: true, sentence: `The mail server asked Beckon to try again later (SMTP ${e.responseCode}).` };
    return { transient: false, sentence: `The mail server refused the message (SMTP ${e.responseCode}).` };
  }
  const code = typeof e?.code === "string" ? e.code : "";
  if (/TIMEDOUT|ETIMEOUT|ECONNABORTED/i.test(code) || /timeout/i.test(String(e?.message ?? ""))) {
    return { transient: true, sentence: `${channel === "sms" ? "Twilio" : "The mail server"} did not answer in time.` };
  }
  if (/^E[A-Z]+$/.test(code) || e?.name === "AxiosError") {
    return { transient: true, sentence: `Beckon could not reach ${channel === "sms" ? "Twilio" : "the mail server"}${code ? ` (${code})` : ""}.` };
  }
  // Anything else is our own bug or an unknown answer: retry, and keep the raw text for the log only.
  return { transient: true, sentence: `Sending the ${channel === "sms" ? "SMS" : "email"} went wrong; Beckon will keep trying.` };
}

/** Whether a provider failure may succeed later (5xx, 429, timeouts, network); other 4xx will not. */
export function isRetryable(err: unknown): boolean {
  return classifyFailure(err, "sms").transient;
}

/** One owner-facing sentence about a provider failure (never a stack or a JavaScript message). */
export function describeFailure(err: unknown, channel: "sms" | "email" = "sms"): string {
  return classifyFailure(err, channel).sentence;
}

/** The raw failure, for the server log only (never shown to an owner). */
export function rawFailure(err: unknown): string {
  const e = err as ProviderError;
  const parts = [typeof e?.status === "number" && `HTTP ${e.status}`, typeof e?.responseCode === "number" && `SMTP ${e.responseCode}`, e?.code && `code ${String(e.code)}`, e?.message && String(e.message)];
  return (parts.filter(Boolean).join(": ") || String(err)).slice(0, 500);
}
