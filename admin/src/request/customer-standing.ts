import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { CustomerDetail } from "./types.ts";
import { t } from "../i18n/t.ts";

/** Issue #12 on the customer page: verified by the shop or not, what the shop told us, VIP, and merging another record in. */
export function CustomerStanding({ api, detail, onChanged }: { api: Api; detail: CustomerDetail; onChanged: () => void }) {
  const c = detail.customer;
  const [other, setOther] = useState("");
  const [message, setMessage] = useState("");
  const run = (p: Promise<unknown>, done: string) =>
    p.then(
      () => {
        setMessage(done);
        onChanged();
      },
      (err: Error) => setMessage(err.message),
    );
  const profile = c.profile
    ? [c.profile.orders !== undefined && t("standing.orders", { count: Number(c.profile.orders) }), c.profile.since && t("standing.since", { since: c.profile.since })].filter(Boolean).join(t("customer.list_separator"))
    : "";
  return html`<div class="field-row"><dt>${t("standing.identity")}</dt><dd>${c.verified ? t("standing.verified") : t("standing.not_verified")}${profile ? ` · ${profile}` : ""}</dd></div>
    <div class="field-row"><dt>${t("standing.vip")}</dt><dd>
      <button type="button" class="secondary" onClick=${() => run(api.send("PUT", `/customers/${c.id}/vip`, { vip: !c.vip }), c.vip ? t("standing.no_longer_vip") : t("standing.marked_vip"))}>${c.vip ? t("standing.unmark_vip") : t("standing.mark_vip")}</button>
    </dd></div>
    <div class="field-row"><dt>${t("standing.merge")}</dt><dd>
      <form onSubmit=${(e: Event) => {
        e.preventDefault();
        run(api.send("POST", `/customers/${c.id}/merge`, { from: Number(other) }), t("standing.merged"));
      }}>
        <label>${t("standing.merge_number")} <input inputmode="numeric" value=${other} onInput=${(e: Event) => setOther((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit" class="secondary">${t("standing.merge")}</button>
      </form>
      <p role="status">${message}</p>
    </dd></div>`;
}
