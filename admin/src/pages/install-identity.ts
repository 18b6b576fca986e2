import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";

/**
 * Issue #12: the identity secret for `Beckon('identify')`. Shown once, right after it is made; after
 * that only its date. Making a new one stops the old one at once.
 */
export function IdentitySecret({ api, siteKey, isOwner }: { api: Api; siteKey: string; isOwner: boolean }) {
  const base = `/sites/${encodeURIComponent(siteKey)}/identity-secret`;
  const [madeAt, setMadeAt] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api.get<{ createdAt: string | null }>(base).then((r) => setMadeAt(r.createdAt), (e: Error) => setError(e.message));
  }, [siteKey]);
  const make = async () => {
    if (madeAt && !confirm("Make a new secret? Signatures made with the old one stop working at once.")) return;
    try {
      const r = await api.send<{ secret: string; createdAt: string }>("POST", base);
      setSecret(r.secret);
      setMadeAt(r.createdAt);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return html`<section class="card" aria-labelledby="identity-title">
    <h2 id="identity-title">4. Optional: tell Beckon who your logged-in customers are</h2>
    <p>Call <code>Beckon('identify', { id, name, email, phone, since, orders, signature })</code> on pages where a customer is signed in,
      and <code>Beckon('context', { order: '1234', cart: '$64' })</code> for up to 20 short facts. <code>signature</code> is the hex
      HMAC-SHA256 of <code>id</code> with this secret, computed by your shop's server (never in the page). The README shows it in Node, PHP and Python.
      Without a good signature the request only shows "says they are …".</p>
    ${secret ? html`<p class="form-message form-success" role="status">Your new secret (shown only this once; keep it on your server):</p>
      <pre class="snippet"><code class="identity-secret">${secret}</code></pre>` : null}
    <p>${madeAt ? `Secret made ${new Date(madeAt).toLocaleString()}.` : "No secret yet."}</p>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    ${isOwner ? html`<button type="button" class="secondary" onClick=${make}>${madeAt ? "Make a new secret" : "Make the secret"}</button>` : null}
  </section>`;
}
