import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { paths } from "../pages/page.ts";
import type { RequestDetail } from "./types.ts";
import { t, tParts } from "../i18n/t.ts";
import { formatLanguage, formatZone } from "../ui/format.ts";

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
  const merge = (s: Suggestion) => act(() => api.send("POST", `/customers/${detail.customer.id}/merge`, { from: s.id }), t("context.merged", { name: s.name || t("context.that_record") }));
  const split = () => act(() => api.send("POST", `/requests/${encodeURIComponent(r.id)}/split`), t("context.split_done"));
  const vip = () => act(() => api.send("PUT", `/customers/${detail.customer.id}/vip`, { vip: !detail.customer.vip }), detail.customer.vip ? t("standing.no_longer_vip") : t("context.marked_vip"));
  const identity = ctx?.identity;
  const page = ctx?.page;
  return html`<section class="card" aria-labelledby="context-h"><h2 id="context-h">${t("context.title")}</h2>
    ${r.repeat ? html`<p class="badge badge-again" data-user-text>${r.repeat.label}</p>
      <p>${t("context.earlier")}${r.repeat.earlier.map((e, i) => html`${i ? ", " : ""}<a href=${paths.request(site, e.id)}>#${e.ref}</a>`)}</p>` : null}
    ${r.standing ? html`<p data-user-text>${r.standing}</p>` : null}
    <dl class="context-list">
      ${identity ? html`<dt>${t("context.shop_says")}</dt><dd>${identity.verified ? tParts("context.verified_customer", { verified: html`<strong>${t("context.verified")}</strong>`, id: html`<span data-user-text>${identity.id}</span>` }) : tParts("context.not_verified", { identity: html`<em data-user-text>${r.identity}</em>` })}</dd>` : null}
      ${page?.url ? html`<dt>${t("context.page")}</dt><dd class="context-page" data-user-text>${page.url}</dd>` : null}
      ${page?.title ? html`<dt>${t("context.page_title")}</dt><dd data-user-text>${page.title}</dd>` : null}
      ${page?.referrer ? html`<dt>${t("context.came_from")}</dt><dd data-user-text>${page.referrer}</dd>` : null}
      ${ctx?.locale ? html`<dt>${t("context.language")}</dt><dd>${formatLanguage(ctx.locale)}</dd>` : null}
      ${ctx?.timeZone ? html`<dt>${t("context.time_zone")}</dt><dd>${formatZone(ctx.timeZone)}</dd>` : null}
      ${Object.entries(ctx?.data ?? {}).map(([k, v]) => html`<dt data-user-text>${k}</dt><dd data-user-text>${v}</dd>`)}
    </dl>
    ${suggestions.length ? html`<h3>${t("context.maybe_same")}</h3><ul>
      ${suggestions.map((s) => html`<li><a href=${paths.customer(site, s.id)}>${s.name ? html`<span data-user-text>${s.name}</span>` : t("common.visitor")}</a> ${s.verified ? t("context.verified_mark") : ""} · <span data-user-text>${s.phone ?? s.email ?? ""}</span> · ${t("context.requests", { count: s.requestCount })}
        <button type="button" class="secondary" onClick=${() => merge(s)}>${t("context.same_person")}</button></li>`)}
    </ul>` : null}
    <div class="actions">
      <button type="button" class="secondary" onClick=${vip}>${detail.customer.vip ? t("context.unmark_vip") : t("context.mark_vip")}</button>
      ${detail.customer.requestCount > 1 ? html`<button type="button" class="secondary" onClick=${split}>${t("context.split")}</button>` : null}
    </div>
    <p role="status">${message}</p>
  </section>`;
}
