import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * `Beckon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, like Stripe's: the
 * timestamp is signed with the body, so a receiver can refuse old replays.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, `${unixSeconds}.${body}`)}`;
}

/** Checks a `Beckon-Signature` header (what a receiver does; used by the tests and shown in the README). */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const hmac = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");
