import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { ShownOnce } from "./shown-once.ts";

type Endpoint = { id: number; url: string; events: string[]; enabled: boolean; disabledReason: string | null; failingSince: string | null };
type Delivery = { id: number; endpointId: number; eventId: string; type: string; status: string; attempts: number; answer: string | null; lastError: string | null; createdAt: string };
type View = { endpoints: Endpoint[]; deliveries: Delivery[]; events: { type: string; description: string }[]; maxEndpoints: number };

const STATUS: Record<string, string> = { pending: "Retrying", sending: "Sending", sent: "Delivered", failed: "Failed", not_sent: "Not sent", skipped: "Not needed" };

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
    act(async () => setSecret((await api.send<{ secret: string }>("POST", `${base}/webhooks/${e.id}/secret`)).secret), "New secret made; the old one no longer signs.");
  const toggle = (e: Endpoint) => act(() => api.send("PATCH", `${base}/webhooks/${e.id}`, { enabled: !e.enabled }), e.enabled ? "Endpoint turned off." : "Endpoint turned on.");
  const remove = (e: Endpoint) => {
    if (confirm(`Delete the endpoint ${e.url}? Deliveries still waiting for it are dropped.`)) void act(() => api.send("DELETE", `${base}/webhooks/${e.id}`), "Endpoint deleted.");
  };
  const resend = (d: Delivery) => act(() => api.send("POST", `${base}/webhooks/deliveries/${d.id}/resend`), `${d.type} queued again.`);
  const urlOf = (id: number) => view?.endpoints.find((e) => e.id === id)?.url ?? "";

  return html`<section class="card" aria-labelledby="webhooks-title">
    <h2 id="webhooks-title">Webhooks</h2>
    <p class="hint">Beckon POSTs each event you choose, as JSON signed with the endpoint's secret (see "Webhooks" in the README). Failed deliveries are retried for 3 days; an endpoint that fails all that time is turned off and you get an email.</p>
    <${FormMessage} error=${message.error} success=${message.success} />
    ${secret ? html`<${ShownOnce} label="Signing secret:" value=${secret} onDone=${() => setSecret(null)} />` : null}
    ${!view ? html`<p role="status">Loading…</p>` : null}
    ${view?.endpoints.length
      ? html`<ul class="member-list webhook-list">
          ${view.endpoints.map(
            (e) => html`<li><span class="member-name">${e.url}</span> <span class="muted">${e.events.join(", ")}</span>
              ${e.enabled ? null : html`<span class="badge">Off${e.disabledReason ? `: ${e.disabledReason}` : ""}</span>`}
              <button type="button" class="link-button" onClick=${() => toggle(e)}>${e.enabled ? "Turn off" : "Turn on"}</button>
              <button type="button" class="link-button" onClick=${() => rotate(e)}>New secret</button>
              <button type="button" class="link-button" onClick=${() => remove(e)}>Delete<span class="visually-hidden"> ${e.url}</span></button></li>`,
          )}
        </ul>`
      : view
        ? html`<p class="muted">No endpoints yet.</p>`
        : null}
    ${view && view.endpoints.length < view.maxEndpoints
      ? html`<${NewEndpoint} api=${api} base=${base} events=${view.events} onCreated=${(s: string) => { setSecret(s); void load(); }} />`
      : null}
    ${view?.deliveries.length
      ? html`<h3>Recent deliveries</h3>
          <table class="delivery-log"><thead><tr><th>Event</th><th>Endpoint</th><th>Status</th><th>Attempts</th><th>When</th><th></th></tr></thead>
          <tbody>${view.deliveries.map(
            (d) => html`<tr><td>${d.type}</td><td class="muted">${urlOf(d.endpointId)}</td>
              <td title=${d.lastError ?? ""}>${STATUS[d.status] ?? d.status}${d.answer ? ` (${d.answer})` : d.lastError ? `: ${d.lastError}` : ""}</td>
              <td>${d.attempts}</td><td>${new Date(d.createdAt).toLocaleString()}</td>
              <td><button type="button" class="link-button" onClick=${() => resend(d)}>Resend<span class="visually-hidden"> ${d.type} ${d.eventId}</span></button></td></tr>`,
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
  const flip = (type: string) => setChosen(chosen.includes(type) ? chosen.filter((t) => t !== type) : [...chosen, type]);
  return html`<form noValidate onSubmit=${submit} aria-labelledby="new-webhook-title">
    <h3 id="new-webhook-title">Add an endpoint</h3>
    <${TextField} id="webhook-url" label="Endpoint URL" type="url" placeholder="https://example.com/beckon" value=${url} onValue=${setUrl} error=${error.url} />
    <fieldset><legend>Events</legend>
      ${events.map((ev) => html`<label class="check"><input type="checkbox" checked=${chosen.includes(ev.type)} onChange=${() => flip(ev.type)} /> <code>${ev.type}</code> <span class="muted">${ev.description}</span></label>`)}
      ${error.events ? html`<p class="field-error">${error.events}</p>` : null}
    </fieldset>
    <${FormMessage} error=${error.message} />
    <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Adding…" : "Add endpoint"}</button></div>
  </form>`;
}
