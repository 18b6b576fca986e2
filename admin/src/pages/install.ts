import { useEffect, useRef, useState } from "preact/hooks";
import { html } from "../html.ts";
import { copyText } from "../settings/copy-text.ts";
import type { SettingsView } from "../settings/types.ts";
import { formatInZone } from "../settings/zoned-time.ts";
import type { SeenOrigin } from "../settings/origins.ts";
import { SeenOrigins } from "./install-origins.ts";
import { IdentitySecret } from "./install-identity.ts";
import { paths, type PageProps } from "./page.ts";

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
    setCopied(ok ? "Copied." : "Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    setTimeout(() => setCopied(""), 4000);
  };

  return html`<div class="install">
    <h1>Install the widget</h1>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    ${!info && !error ? html`<p role="status">Loading…</p>` : null}
    ${info &&
    html`<section class="card" aria-labelledby="snippet-title">
        <h2 id="snippet-title">1. Copy this snippet</h2>
        <pre class="snippet"><code ref=${code}>${info.snippet}</code></pre>
        <div class="actions">
          <button type="button" onClick=${copy}>Copy<span class="visually-hidden"> the snippet</span></button>
          <span role="status" class="copied">${copied}</span>
        </div>
      </section>
      <section class="card" aria-labelledby="paste-title">
        <h2 id="paste-title">2. Paste it into your pages</h2>
        <ol class="steps">
          <li>Paste it just before <code>${"</body>"}</code> on every page where shoppers should see the widget — or once, in your shop's theme or footer template.</li>
          <li>Load one of those pages in your browser. The button appears in the corner.</li>
          <li>Optionally, lock the widget to your shop's address (below, or under <a href=${paths.settings(site.key) + "#origins"}>Settings → Allowed origins</a>).</li>
        </ol>
        <p class="hint">It loads without slowing your page, works under a strict Content-Security-Policy, and is harmless if pasted twice.</p>
        <details>
          <summary>Open the widget from your own buttons</summary>
          <p>Paste this line before the snippet, then call <code>Beckon('open')</code> or <code>Beckon('open', 'callback')</code> from any button.</p>
          <pre class="snippet"><code>${info.queueStub}</code></pre>
        </details>
      </section>
      <section class="card" aria-labelledby="check-title">
        <h2 id="check-title">3. Check it works</h2>
        <p role="status" class=${info.lastSeen ? "seen seen-yes" : "seen seen-no"}>
          ${info.lastSeen
            ? html`<span aria-hidden="true">✓ </span>Last seen on <strong>${info.lastSeen.origin}</strong> at ${formatInZone(info.lastSeen.at, zone)} (${zone.replace(/_/g, " ")}).`
            : "Not seen yet — paste the snippet and load a page."}
        </p>
        <${SeenOrigins} api=${api} siteKey=${site.key} zone=${zone} origins=${info.origins} allowedOrigins=${info.allowedOrigins} onChanged=${check} />
        <button type="button" class="secondary" disabled=${checking} onClick=${check}>${checking ? "Checking…" : "Check again"}</button>
      </section>
      <${IdentitySecret} api=${api} siteKey=${site.key} isOwner=${site.role === "owner"} />`}
  </div>`;
}
