import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";

type Deleted = Record<string, number>;

/** The customer's own data, for owners: a JSON download, and erasing them after a confirmation. */
export function CustomerData({ api, id, name, onDeleted }: { api: Api; id: number; name: string; onDeleted: (deleted: Deleted) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      onDeleted((await api.send<{ deleted: Deleted }>("DELETE", `/customers/${id}`)).deleted);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return html`<section class="card customer-data" aria-labelledby="customer-data-title">
    <h2 id="customer-data-title">Their data</h2>
    <p>A customer may ask for a copy of what you hold about them, or ask you to erase it.</p>
    <div class="actions">
      <a class="button secondary" href=${`/api/admin/customers/${id}/export`} download=${`customer-${id}.json`}>Download their data (JSON)</a>
      ${confirming ? null : html`<button type="button" class="danger" onClick=${() => setConfirming(true)}>Delete this customer…</button>`}
    </div>
    ${confirming
      ? html`<div class="confirm" role="group" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text"><strong>Delete ${name} and everything they sent?</strong> Their requests, chats, notes and notifications go too. This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="danger" disabled=${busy} onClick=${erase}>${busy ? "Deleting…" : "Delete for good"}</button>
            <button type="button" class="secondary" disabled=${busy} onClick=${() => setConfirming(false)}>Cancel</button>
          </div>
        </div>`
      : null}
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
  </section>`;
}

/** "3 requests, 12 chat lines": what a delete removed, in words. */
export function describeDeleted(deleted: Deleted): string {
  const words: [string, string, string][] = [
    ["requests", "request", "requests"],
    ["chat_messages", "chat line", "chat lines"],
    ["request_events", "timeline entry", "timeline entries"],
    ["outbox", "notification", "notifications"],
  ];
  return words
    .filter(([table]) => (deleted[table] ?? 0) > 0)
    .map(([table, one, many]) => `${deleted[table]} ${deleted[table] === 1 ? one : many}`)
    .join(", ");
}
