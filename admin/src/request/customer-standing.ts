import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { CustomerDetail } from "./types.ts";

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
  const profile = c.profile ? [c.profile.orders !== undefined && `${c.profile.orders} orders`, c.profile.since && `customer since ${c.profile.since}`].filter(Boolean).join(", ") : "";
  return html`<div class="field-row"><dt>Identity</dt><dd>${c.verified ? "Verified by your shop" : "Not verified (typed details only)"}${profile ? ` · ${profile}` : ""}</dd></div>
    <div class="field-row"><dt>VIP</dt><dd>
      <button type="button" class="secondary" onClick=${() => run(api.send("PUT", `/customers/${c.id}/vip`, { vip: !c.vip }), c.vip ? "No longer VIP." : "Marked VIP.")}>${c.vip ? "VIP · unmark" : "Mark VIP"}</button>
    </dd></div>
    <div class="field-row"><dt>Merge</dt><dd>
      <form onSubmit=${(e: Event) => {
        e.preventDefault();
        run(api.send("POST", `/customers/${c.id}/merge`, { from: Number(other) }), "Merged: their requests are in this timeline now.");
      }}>
        <label>Customer number to merge into this one <input inputmode="numeric" value=${other} onInput=${(e: Event) => setOther((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit" class="secondary">Merge</button>
      </form>
      <p role="status">${message}</p>
    </dd></div>`;
}
