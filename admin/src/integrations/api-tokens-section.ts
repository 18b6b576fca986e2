import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { ShownOnce } from "./shown-once.ts";
import { t, tParts } from "../i18n/t.ts";
import { formatLocalDateTime } from "../ui/format.ts";

type Token = { id: number; name: string; prefix: string; sites: string[]; createdAt: string; lastUsedAt: string | null };
type View = { tokens: Token[]; sites: { key: string; name: string }[] };

/** Your personal API tokens (for the owner API, /api/v1): made for chosen sites you own, shown once, revocable. */
export function ApiTokensSection({ api, siteKey }: { api: Api; siteKey: string }) {
  const [view, setView] = useState<View | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const load = () => api.get<View>("/api-tokens").then(setView, (err: Error) => setMessage({ error: err.message }));
  useEffect(() => void load(), []);
  const revoke = async (token: Token) => {
    if (!confirm(t("tokens.revoke_confirm", { name: token.name }))) return;
    try {
      await api.send("DELETE", `/api-tokens/${token.id}`);
      await load();
      setMessage({ success: t("tokens.revoked", { name: token.name }) });
    } catch (err) {
      setMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return html`<section class="card" aria-labelledby="tokens-title">
    <h2 id="tokens-title">${t("tokens.title")}</h2>
    <p class="hint">${tParts("tokens.intro", { path: html`<code>/api/v1/requests</code>`, spec: html`<code>server/openapi.yaml</code>` })}</p>
    <${FormMessage} error=${message.error} success=${message.success} />
    ${secret ? html`<${ShownOnce} label=${t("tokens.your_new")} value=${secret} onDone=${() => setSecret(null)} />` : null}
    ${view?.tokens.length
      ? html`<ul class="member-list">${view.tokens.map(
          (token) => html`<li><span class="member-name" data-user-text>${token.name}</span> <code data-user-text>${token.prefix}…</code>
            <span class="muted"><span data-user-text>${token.sites.join(", ")}</span> · ${token.lastUsedAt ? t("tokens.last_used", { when: formatLocalDateTime(token.lastUsedAt) }) : t("tokens.never_used")}</span>
            <button type="button" class="link-button" onClick=${() => revoke(token)}>${t("tokens.revoke")}<span class="visually-hidden" data-user-text> ${token.name}</span></button></li>`,
        )}</ul>`
      : view
        ? html`<p class="muted">${t("tokens.none")}</p>`
        : html`<p role="status">${t("common.loading")}</p>`}
    ${view && view.sites.length
      ? html`<${NewToken} api=${api} sites=${view.sites} siteKey=${siteKey} onCreated=${(s: string) => { setSecret(s); void load(); }} />`
      : view
        ? html`<p class="muted">${t("tokens.owners_only")}</p>`
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
    <h3 id="new-token-title">${t("tokens.make_title")}</h3>
    <${TextField} id="token-name" label=${t("tokens.name")} hint=${t("tokens.name_hint")} value=${name} onValue=${setName} error=${error.name} />
    <fieldset><legend>${t("tokens.sites")}</legend>
      ${sites.map((s) => html`<label class="check"><input type="checkbox" checked=${chosen.includes(s.key)} onChange=${() => flip(s.key)} /> <span data-user-text>${s.name}</span></label>`)}
      ${error.sites ? html`<p class="field-error">${error.sites}</p>` : null}
    </fieldset>
    <${FormMessage} error=${error.message} />
    <div class="actions"><button type="submit">${t("tokens.make")}</button></div>
  </form>`;
}
