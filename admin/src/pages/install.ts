import { useEffect, useRef, useState } from "preact/hooks";
import { html } from "../html.ts";
import { copyText } from "../settings/copy-text.ts";
import type { SettingsView } from "../settings/types.ts";
import { formatDateTime, formatZone } from "../ui/format.ts";
import type { SeenOrigin } from "../settings/origins.ts";
import { SeenOrigins } from "./install-origins.ts";
import { IdentitySecret } from "./install-identity.ts";
import { paths, type PageProps } from "./page.ts";
import { t, tParts } from "../i18n/t.ts";

type InstallInfo = {
  snippet: string;
  queueStub: string;
  lastSeen: { origin: string; at: string } | null;
  origins: SeenOrigin[];
  allowedOrigins: string[];
};

/** The snippet to paste, how, and whether the widget has been seen loading on a page yet. */
export function InstallPage({ api, site }: PageProps) {
  const [info, setInfo] = useState<InstallInfo | null>(null);
  const [zone, setZone] = useState("UTC");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [copied, setCopied] = useState("");
  const code = useRef<HTMLElement>(null);
  const base = `/sites/${encodeURIComponent(site.key)}`;

  const check = async () => {
    setChecking(true);
    try {
      setInfo(await api.get<InstallInfo>(`${base}/install`));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setChecking(false);
    }
  };
  useEffect(() => {
    void check();
    api.get<SettingsView>(`${base}/settings`).then((v) => setZone(v.settings.timezone), () => undefined);
  }, [site.key]);

  const copy = async () => {
    if (!info) return;
    const ok = await copyText(info.snippet, code.current);
    setCopied(ok ? t("install.copied") : t("install.select_to_copy"));
    setTimeout(() => setCopied(""), 4000);
  };

  return html`<div class="install">
    <h1>${t("install.title")}</h1>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    ${!info && !error ? html`<p role="status">${t("common.loading")}</p>` : null}
    ${info &&
    html`<section class="card" aria-labelledby="snippet-title">
        <h2 id="snippet-title">${t("install.step1")}</h2>
        <pre class="snippet"><code ref=${code} data-user-text>${info.snippet}</code></pre>
        <div class="actions">
          <button type="button" onClick=${copy}>${t("install.copy")}<span class="visually-hidden">${t("install.copy_what")}</span></button>
          <span role="status" class="copied">${copied}</span>
        </div>
      </section>
      <section class="card" aria-labelledby="paste-title">
        <h2 id="paste-title">${t("install.step2")}</h2>
        <ol class="steps">
          <li>${tParts("install.paste1", { body: html`<code>${"</body>"}</code>` })}</li>
          <li>${t("install.paste2")}</li>
          <li>${tParts("install.paste3", { link: html`<a href=${paths.settings(site.key) + "#origins"}>${t("install.paste3_link")}</a>` })}</li>
        </ol>
        <p class="hint">${t("install.light")}</p>
        <details>
          <summary>${t("install.own_buttons")}</summary>
          <p>${tParts("install.own_buttons_body", { open: html`<code>Beckon('open')</code>`, openCallback: html`<code>Beckon('open', 'callback')</code>` })}</p>
          <pre class="snippet"><code data-user-text>${info.queueStub}</code></pre>
        </details>
      </section>
      <section class="card" aria-labelledby="check-title">
        <h2 id="check-title">${t("install.step3")}</h2>
        <p role="status" class=${info.lastSeen ? "seen seen-yes" : "seen seen-no"}>
          ${info.lastSeen
            ? html`<span aria-hidden="true">✓ </span>${tParts("install.last_seen", { origin: html`<strong data-user-text>${info.lastSeen.origin}</strong>`, when: formatDateTime(info.lastSeen.at, zone), zone: formatZone(zone) })}`
            : t("install.not_seen")}
        </p>
        <${SeenOrigins} api=${api} siteKey=${site.key} zone=${zone} origins=${info.origins} allowedOrigins=${info.allowedOrigins} onChanged=${check} />
        <button type="button" class="secondary" disabled=${checking} onClick=${check}>${checking ? t("install.checking") : t("install.check_again")}</button>
      </section>
      <${IdentitySecret} api=${api} siteKey=${site.key} isOwner=${site.role === "owner"} />`}
  </div>`;
}
