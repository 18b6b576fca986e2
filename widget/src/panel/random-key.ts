// Idempotency keys: one per form, reused on every retry of that form, so a retry after a lost answer
// never books a second call. The server accepts 8–128 of [A-Za-z0-9_-:.].

/** A random key: a UUID where the browser offers one (secure contexts only), else 128 random bits in hex. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join("");
}
