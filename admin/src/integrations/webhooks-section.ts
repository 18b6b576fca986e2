import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { ShownOnce } from "./shown-once.ts";
import { t, tParts } from "../i18n/t.ts";
import { formatLocalDateTime, formatNumber } from "../ui/format.ts";

type Endpoint = { id: number; url: string; events: string[]; enabled: boolean; disabledReason: string | null; failingSince: string | null };
type Delivery = { id: number; endpointId: number; eventId: string; type: string; status: string; attempts: number; answer: string | null; lastError: string | null; createdAt: string };
type View = { endpoints: Endpoint[]; deliveries: Delivery[]; events: { type: string; description: string }[]; maxEndpoints: number };

const STATUSES = ["pending", "sending", "sent", "failed", "not_sent", "skipped"] as const;
const statusText = (s: string) => ((STATUSES as readonly string[]).includes(s) ? t(`webhooks.status.${s as (typeof STATUSES)[number]}`) : s);
const EVENTS = ["request.created", "request.updated", "chat.line", "call.completed"] as const;
/** The catalog's description of an event type; a type this app does not know yet shows the server's. */
const describeEvent = (ev: { type: string; description: string }) =>
  (EVENTS as readonly string[]).includes(ev.type) ? t(`webhooks.event.${ev.type as (typeof EVENTS)[number]}`) : html`<span data-user-text>${ev.description}</span>`;

/** The site's webhook endpoints (owners only): add, turn off, rotate the secret, delete; and the delivery log with Resend. */
export function WebhooksSection({ api, base }: { api: Api; base: string }) {
  const [view, setView] = useState<View | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const load = () => api.get<View>(`${base}/webhooks`).then(setView, (err: Error) => setMessage({ error: err.message }));
  useEffect(() => void load(), [base]);

  const act = async (run: () => Promise<unknown>, success: string) => {
    setMessage({});
    try {
      await run();
      await load();
      setMessage({ success });
    } catch (err) {
      setMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  const rotate = (e: Endpoint) =>
    act(async () => setSecret((await api.send<{ secret: string }>("POST", `${base}/webhooks/${e.id}/secret`)).secret), t("webhooks.rotated"));
  const toggle = (e: Endpoint) => act(() => api.send("PATCH", `${base}/webhooks/${e.id}`, { enabled: !e.enabled }), e.enabled ? t("webhooks.turned_off") : t("webhooks.turned_on"));
  const remove = (e: Endpoint) => {
    if (confirm(t("webhooks.delete_confirm", { url: e.url }))) void act(() => api.send("DELETE", `${base}/webhooks/${e.id}`), t("webhooks.deleted"));
  };
  const resend = (d: Delivery) => act(() => api.send("POST", `${base}/webhooks/deliveries/${d.id}/resend`), t("webhooks.requeued", { type: d.type }));
  const urlOf = (id: number) => view?.endpoints.find((e) => e.id === id)?.url ?? "";

  return html`<section class="card" aria-labelledby="webhooks-title">
    <h2 id="webhooks-title">${t("webhooks.title")}</h2>
    <p class="hint">${t("webhooks.intro")}</p>
    <${FormMessage} error=${message.error} success=${message.success} />
    ${secret ? html`<${ShownOnce} label=${t("webhooks.signing_secret")} value=${secret} onDone=${() => setSecret(null)} />` : null}
    ${!view ? html`<p role="status">${t("common.loading")}</p>` : null}
    ${view?.endpoints.length
      ? html`<ul class="member-list webhook-list">
          ${view.endpoints.map(
            (e) => html`<li><span class="member-name" data-user-text>${e.url}</span> <span class="muted" data-user-text>${e.events.join(", ")}</span>
              ${e.enabled ? null : html`<span class="badge">${e.disabledReason ? tParts("webhooks.off_because", { reason: html`<span data-user-text>${e.disabledReason}</span>` }) : t("webhooks.off")}</span>`}
              <button type="button" class="link-button" onClick=${() => toggle(e)}>${e.enabled ? t("webhooks.turn_off") : t("webhooks.turn_on")}</button>
              <button type="button" class="link-button" onClick=${() => rotate(e)}>${t("webhooks.new_secret")}</button>
              <button type="button" class="link-button" onClick=${() => remove(e)}>${t("webhooks.delete")}<span class="visually-hidden" data-user-text> ${e.url}</span></button></li>`,
          )}
        </ul>`
      : view
        ? html`<p class="muted">${t("webhooks.none")}</p>`
        : null}
    ${view && view.endpoints.length < view.maxEndpoints
      ? html`<${NewEndpoint} api=${api} base=${base} events=${view.events} onCreated=${(s: string) => { setSecret(s); void load(); }} />`
      : null}
    ${view?.deliveries.length
      ? html`<h3>${t("webhooks.recent")}</h3>
          <table class="delivery-log"><thead><tr><th>${t("webhooks.col.event")}</th><th>${t("webhooks.col.endpoint")}</th><th>${t("webhooks.col.status")}</th><th>${t("webhooks.col.attempts")}</th><th>${t("webhooks.col.when")}</th><th><span class="visually-hidden">${t("webhooks.col.actions")}</span></th></tr></thead>
          <tbody>${view.deliveries.map(
            (d) => html`<tr><td data-user-text>${d.type}</td><td class="muted" data-user-text>${urlOf(d.endpointId)}</td>
              <td title=${d.lastError ?? undefined} data-user-text=${d.lastError ? "" : undefined}>${statusText(d.status)}<span data-user-text>${d.answer ? ` (${d.answer})` : d.lastError ? `: ${d.lastError}` : ""}</span></td>
              <td>${formatNumber(d.attempts)}</td><td>${formatLocalDateTime(d.createdAt)}</td>
              <td><button type="button" class="link-button" onClick=${() => resend(d)}>${t("webhooks.resend")}<span class="visually-hidden" data-user-text> ${d.type} ${d.eventId}</span></button></td></tr>`,
          )}</tbody></table>`
      : null}
  </section>`;
}

function NewEndpoint({ api, base, events, onCreated }: { api: Api; base: string; events: View["events"]; onCreated: (secret: string) => void }) {
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<string[]>(["request.created"]);
  const [error, setError] = useState<{ url?: string; events?: string; message?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError({});
    try {
      const r = await api.send<{ secret: string }>("POST", `${base}/webhooks`, { url, events: chosen });
      setUrl("");
      onCreated(r.secret);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setError({ url: fields.url, events: fields.events, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const flip = (type: string) => setChosen(chosen.includes(type) ? chosen.filter((c) => c !== type) : [...chosen, type]);
  return html`<form noValidate onSubmit=${submit} aria-labelledby="new-webhook-title">
    <h3 id="new-webhook-title">${t("webhooks.add_title")}</h3>
    <${TextField} id="webhook-url" label=${t("webhooks.url")} type="url" placeholder=${t("webhooks.url_placeholder")} value=${url} onValue=${setUrl} error=${error.url} />
    <fieldset><legend>${t("webhooks.events")}</legend>
      ${events.map((ev) => html`<label class="check"><input type="checkbox" checked=${chosen.includes(ev.type)} onChange=${() => flip(ev.type)} /> <code data-user-text>${ev.type}</code> <span class="muted">${describeEvent(ev)}</span></label>`)}
      ${error.events ? html`<p class="field-error">${error.events}</p>` : null}
    </fieldset>
    <${FormMessage} error=${error.message} />
    <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("webhooks.adding") : t("webhooks.add")}</button></div>
  </form>`;
}
