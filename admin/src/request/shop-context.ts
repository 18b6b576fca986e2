import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { paths } from "../pages/page.ts";
import type { RequestDetail } from "./types.ts";

type Suggestion = { id: number; name: string | null; phone: string | null; email: string | null; requestCount: number; verified: boolean };

/**
 * Issue #12 on the request page: asked again (with links to the earlier requests), who the shop says this
 * is (verified or "says they are …"), the page they were on, and records that may be the same person.
 */
export function ShopContextCard({ api, site, detail, onChanged }: { api: Api; site: string; detail: RequestDetail; onChanged: () => void }) {
  const r = detail.request;
  const ctx = r.context;
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [message, setMessage] = useState("");
  useEffect(() => {
    api.get<{ customers: Suggestion[] }>(`/requests/${encodeURIComponent(r.id)}/suggestions`).then((s) => setSuggestions(s.customers), () => {});
  }, [r.id, detail.customer.id]);
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      setMessage(done);
      onChanged();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const merge = (s: Suggestion) => act(() => api.send("POST", `/customers/${detail.customer.id}/merge`, { from: s.id }), `Merged ${s.name || "that record"} into this customer.`);
  const split = () => act(() => api.send("POST", `/requests/${encodeURIComponent(r.id)}/split`), "This request now has a customer record of its own.");
  const vip = () => act(() => api.send("PUT", `/customers/${detail.customer.id}/vip`, { vip: !detail.customer.vip }), detail.customer.vip ? "No longer VIP." : "Marked VIP: their requests alert at once and show first.");
  const identity = ctx?.identity;
  const page = ctx?.page;
  return html`<section class="card" aria-labelledby="context-h"><h2 id="context-h">Who and where</h2>
    ${r.repeat ? html`<p class="badge badge-again">${r.repeat.label}</p>
      <p>Earlier: ${r.repeat.earlier.map((e, i) => html`${i ? ", " : ""}<a href=${paths.request(site, e.id)}>#${e.ref}</a>`)}</p>` : null}
    ${r.standing ? html`<p>${r.standing}</p>` : null}
    <dl class="context-list">
      ${identity ? html`<dt>Shop says</dt><dd>${identity.verified ? html`<strong>Verified</strong> customer ${identity.id}` : html`<em>${r.identity}</em> (not verified: the shop's signature did not check out)`}</dd>` : null}
      ${page?.url ? html`<dt>Page</dt><dd class="context-page">${page.url}</dd>` : null}
      ${page?.title ? html`<dt>Page title</dt><dd>${page.title}</dd>` : null}
      ${page?.referrer ? html`<dt>Came from</dt><dd>${page.referrer}</dd>` : null}
      ${ctx?.locale ? html`<dt>Language</dt><dd>${ctx.locale}</dd>` : null}
      ${ctx?.timeZone ? html`<dt>Time zone</dt><dd>${ctx.timeZone}</dd>` : null}
      ${Object.entries(ctx?.data ?? {}).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
    </dl>
    ${suggestions.length ? html`<h3>Maybe the same person?</h3><ul>
      ${suggestions.map((s) => html`<li><a href=${paths.customer(site, s.id)}>${s.name || "Visitor"}</a> ${s.verified ? "(verified)" : ""} · ${s.phone ?? s.email ?? ""} · ${s.requestCount} request${s.requestCount === 1 ? "" : "s"}
        <button type="button" class="secondary" onClick=${() => merge(s)}>Same person: merge</button></li>`)}
    </ul>` : null}
    <div class="actions">
      <button type="button" class="secondary" onClick=${vip}>${detail.customer.vip ? "Unmark VIP" : "Mark customer VIP"}</button>
      ${detail.customer.requestCount > 1 ? html`<button type="button" class="secondary" onClick=${split}>Not the same person: split off</button>` : null}
    </div>
    <p role="status">${message}</p>
  </section>`;
}
