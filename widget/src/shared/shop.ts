// Issue #12: what the host page tells us about the shopper (`Beckon('identify', …)`) and the shop
// (`Beckon('context', …)`). The loader only keeps them; the panel sends them with every request
// (see page-context.ts), and the server checks the identity's signature.

/** `Beckon('identify', …)`: signature is the hex HMAC-SHA256 of `id` with the site's identity secret, made by the shop's server. */
export type Identity = { id?: string; name?: string; email?: string; phone?: string; since?: string; orders?: number; signature?: string };

export type Shop = { who?: Identity; data?: Record<string, unknown> };
