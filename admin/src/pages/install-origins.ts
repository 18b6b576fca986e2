import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { lockTo, isLocked, type SeenOrigin } from "../settings/origins.ts";
import { formatInZone } from "../settings/zoned-time.ts";

type Props = {
  api: Api;
  siteKey: string;
  zone: string;
  origins: SeenOrigin[];
  allowedOrigins: string[];
  /** Reloads the install check after a change. */
  onChanged: () => Promise<void>;
};

/**
 * Every site the widget was loaded on, allowed or blocked, with first and last sighting; "Only allow
 * these" locks the widget to them in one click, and a blocked site can be allowed where it is named.
 */
export function SeenOrigins({ api, siteKey, zone, origins, allowedOrigins, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const locked = isLocked(allowedOrigins);
  const blocked = origins.filter((o) => !o.allowed);
  const at = (iso: string) => formatInZone(iso, zone);

  const save = async (list: string[], done: string) => {
    setBusy(true);
    try {
      await api.send("PUT", `/sites/${encodeURIComponent(siteKey)}/settings`, { settings: { allowedOrigins: list } });
      setMessage({ error: false, text: done });
      await onChanged();
    } catch (err) {
      setMessage({ error: true, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const allow = (origin: string) => save([...allowedOrigins.filter((o) => o !== "*"), origin], `Allowed on ${origin}.`);
  const onlyThese = () => save(lockTo(origins), "Locked: only these sites can show the widget now.");

  return html`<div class="seen-origins">
    ${blocked.map(
      (o) => html`<p class="seen seen-blocked" key=${o.origin}>
        Blocked on <strong>${o.origin}</strong> — allow it?
        <button type="button" class="secondary" disabled=${busy} onClick=${() => allow(o.origin)}>Allow<span class="visually-hidden"> ${o.origin}</span></button>
      </p>`,
    )}
    ${origins.length > 0 &&
    html`<h3>Where the widget has loaded</h3>
      <ul class="origin-list">
        ${origins.map(
          (o) => html`<li key=${o.origin}>
            <span class="origin-name">${o.origin}</span>
            <span class=${o.allowed ? "origin-ok" : "origin-blocked"}>${o.allowed ? "Allowed" : "Blocked"}</span>
            <span class="muted">first seen ${at(o.firstSeenAt)}, last seen ${at(o.lastSeenAt)}</span>
          </li>`,
        )}
      </ul>`}
    ${locked
      ? html`<p class="hint">Only these sites can show the widget: ${allowedOrigins.join(", ")}. Change the list under Settings → Allowed origins.</p>`
      : html`<p class="hint">Any site can show this widget now.${origins.length > 0 && " Lock it to the sites above, so other sites cannot reuse your site key in their pages."}</p>
          ${origins.length > 0 && html`<button type="button" disabled=${busy} onClick=${onlyThese}>Only allow these</button>`}`}
    <p class="hint">Locking is not a password: it stops other web pages from showing your widget in browsers, but anything that is not a browser can still send requests.</p>
    <p role="status" class=${message?.error ? "form-message form-error" : "copied"}>${message?.text ?? ""}</p>
  </div>`;
}
