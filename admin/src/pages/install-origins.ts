import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { lockTo, isLocked, type SeenOrigin } from "../settings/origins.ts";
import { formatDateTime } from "../ui/format.ts";
import { t, tParts } from "../i18n/t.ts";

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
  const at = (iso: string) => formatDateTime(iso, zone);

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
  const allow = (origin: string) => save([...allowedOrigins.filter((o) => o !== "*"), origin], t("origins.allowed_on", { origin }));
  const onlyThese = () => save(lockTo(origins), t("origins.locked_now"));

  return html`<div class="seen-origins">
    ${blocked.map(
      (o) => html`<p class="seen seen-blocked" key=${o.origin}>
        ${tParts("origins.blocked_on", { origin: html`<strong data-user-text>${o.origin}</strong>` })}
        <button type="button" class="secondary" disabled=${busy} onClick=${() => allow(o.origin)}>${t("origins.allow")}<span class="visually-hidden" data-user-text> ${o.origin}</span></button>
      </p>`,
    )}
    ${origins.length > 0 &&
    html`<h3>${t("origins.where_loaded")}</h3>
      <ul class="origin-list">
        ${origins.map(
          (o) => html`<li key=${o.origin}>
            <span class="origin-name" data-user-text>${o.origin}</span>
            <span class=${o.allowed ? "origin-ok" : "origin-blocked"}>${o.allowed ? t("origins.allowed") : t("origins.blocked")}</span>
            <span class="muted">${t("origins.seen", { first: at(o.firstSeenAt), last: at(o.lastSeenAt) })}</span>
          </li>`,
        )}
      </ul>`}
    ${locked
      ? html`<p class="hint">${t("origins.only_these", { list: allowedOrigins.join(", ") })}</p>`
      : html`<p class="hint">${t("origins.any_site")}${origins.length > 0 && t("origins.lock_hint")}</p>
          ${origins.length > 0 && html`<button type="button" disabled=${busy} onClick=${onlyThese}>${t("origins.only_allow_these")}</button>`}`}
    <p class="hint">${t("origins.not_a_password")}</p>
    <p role="status" class=${message?.error ? "form-message form-error" : "copied"}>${message?.text ?? ""}</p>
  </div>`;
}
