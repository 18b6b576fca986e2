import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { ShownOnce } from "./shown-once.ts";

type Token = { id: number; name: string; prefix: string; sites: string[]; createdAt: string; lastUsedAt: string | null };
type View = { tokens: Token[]; sites: { key: string; name: string }[] };

/** Your personal API tokens (for the owner API, /api/v1): made for chosen sites you own, shown once, revocable. */
export function ApiTokensSection({ api, siteKey }: { api: Api; siteKey: string }) {
  const [view, setView] = useState<View | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const load = () => api.get<View>("/api-tokens").then(setView, (err: Error) => setMessage({ error: err.message }));
  useEffect(() => void load(), []);
  const revoke = async (t: Token) => {
    if (!confirm(`Revoke the token "${t.name}"? Anything using it stops working at once.`)) return;
    try {
      await api.send("DELETE", `/api-tokens/${t.id}`);
      await load();
      setMessage({ success: `"${t.name}" was revoked.` });
    } catch (err) {
      setMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return html`<section class="card" aria-labelledby="tokens-title">
    <h2 id="tokens-title">API tokens</h2>
    <p class="hint">Your own tokens for the owner API (<code>/api/v1/requests</code>, described in <code>server/openapi.yaml</code>). A token sees only the sites you give it.</p>
    <${FormMessage} error=${message.error} success=${message.success} />
    ${secret ? html`<${ShownOnce} label="Your new token:" value=${secret} onDone=${() => setSecret(null)} />` : null}
    ${view?.tokens.length
      ? html`<ul class="member-list">${view.tokens.map(
          (t) => html`<li><span class="member-name">${t.name}</span> <code>${t.prefix}…</code>
            <span class="muted">${t.sites.join(", ")} · ${t.lastUsedAt ? `last used ${new Date(t.lastUsedAt).toLocaleString()}` : "never used"}</span>
            <button type="button" class="link-button" onClick=${() => revoke(t)}>Revoke<span class="visually-hidden"> ${t.name}</span></button></li>`,
        )}</ul>`
      : view
        ? html`<p class="muted">No tokens yet.</p>`
        : html`<p role="status">Loading…</p>`}
    ${view && view.sites.length
      ? html`<${NewToken} api=${api} sites=${view.sites} siteKey=${siteKey} onCreated=${(s: string) => { setSecret(s); void load(); }} />`
      : view
        ? html`<p class="muted">Only a site's owners can make tokens for it.</p>`
        : null}
  </section>`;
}

function NewToken({ api, sites, siteKey, onCreated }: { api: Api; sites: View["sites"]; siteKey: string; onCreated: (s: string) => void }) {
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>(sites.some((s) => s.key === siteKey) ? [siteKey] : []);
  const [error, setError] = useState<{ name?: string; sites?: string; message?: string }>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    setError({});
    try {
      const r = await api.send<{ secret: string }>("POST", "/api-tokens", { name, sites: chosen });
      setName("");
      onCreated(r.secret);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setError({ name: fields.name, sites: fields.sites, message: err instanceof Error ? err.message : String(err) });
    }
  };
  const flip = (key: string) => setChosen(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
  return html`<form noValidate onSubmit=${submit} aria-labelledby="new-token-title">
    <h3 id="new-token-title">Make a token</h3>
    <${TextField} id="token-name" label="Name" hint="What will use it, e.g. CRM sync." value=${name} onValue=${setName} error=${error.name} />
    <fieldset><legend>Sites it may see</legend>
      ${sites.map((s) => html`<label class="check"><input type="checkbox" checked=${chosen.includes(s.key)} onChange=${() => flip(s.key)} /> ${s.name}</label>`)}
      ${error.sites ? html`<p class="field-error">${error.sites}</p>` : null}
    </fieldset>
    <${FormMessage} error=${error.message} />
    <div class="actions"><button type="submit">Make token</button></div>
  </form>`;
}
