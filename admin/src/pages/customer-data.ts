import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { t, tCount } from "../i18n/t.ts";

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
    <h2 id="customer-data-title">${t("customer.data_title")}</h2>
    <p>${t("customer.data_intro")}</p>
    <div class="actions">
      <a class="button secondary" href=${`/api/admin/customers/${id}/export`} download=${`customer-${id}.json`}>${t("customer.download")}</a>
      ${confirming ? null : html`<button type="button" class="danger" onClick=${() => setConfirming(true)}>${t("customer.delete")}</button>`}
    </div>
    ${confirming
      ? html`<div class="confirm" role="group" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text"><strong>${t("customer.delete_confirm", { name })}</strong> ${t("customer.delete_confirm_after")}</p>
          <div class="actions">
            <button type="button" class="danger" disabled=${busy} onClick=${erase}>${busy ? t("customer.deleting") : t("customer.delete_for_good")}</button>
            <button type="button" class="secondary" disabled=${busy} onClick=${() => setConfirming(false)}>${t("customer.cancel")}</button>
          </div>
        </div>`
      : null}
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
  </section>`;
}

/** "3 requests, 12 chat lines": what a delete removed, in words. */
export function describeDeleted(deleted: Deleted): string {
  const tables = ["requests", "chat_messages", "request_events", "outbox"] as const;
  return tables
    .filter((table) => (deleted[table] ?? 0) > 0)
    .map((table) => tCount(`customer.deleted.${table}`, deleted[table]!))
    .join(t("customer.list_separator"));
}
