import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { t, tParts } from "../i18n/t.ts";
import { formatLocalDateTime } from "../ui/format.ts";

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
    if (madeAt && !confirm(t("identity.new_confirm"))) return;
    try {
      const r = await api.send<{ secret: string; createdAt: string }>("POST", base);
      setSecret(r.secret);
      setMadeAt(r.createdAt);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return html`<section class="card" aria-labelledby="identity-title">
    <h2 id="identity-title">${t("identity.title")}</h2>
    <p>${tParts("identity.body", {
      identify: html`<code>Beckon('identify', { id, name, email, phone, since, orders, signature })</code>`,
      context: html`<code>Beckon('context', { order: '1234', cart: '$64' })</code>`,
      signature: html`<code>signature</code>`,
      id: html`<code>id</code>`,
    })}</p>
    ${secret ? html`<p class="form-message form-success" role="status">${t("identity.shown_once")}</p>
      <pre class="snippet"><code class="identity-secret" data-user-text>${secret}</code></pre>` : null}
    <p>${madeAt ? t("identity.made", { when: formatLocalDateTime(madeAt) }) : t("identity.none")}</p>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    ${isOwner ? html`<button type="button" class="secondary" onClick=${make}>${madeAt ? t("identity.make_new") : t("identity.make")}</button>` : null}
  </section>`;
}
