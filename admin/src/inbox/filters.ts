import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { KIND_PLURALS, STATUS_LABELS } from "./types.ts";
import { t } from "../i18n/t.ts";
import { RegularsFilters } from "./regulars-filters.ts";

export type Filters = { status: string; kind: string; q: string; /** "1": asked again only */ repeat?: string; /** "waiting": open, oldest first */ sort?: string };

/** Status tabs, a kind picker and a search box; every change goes into the URL (so reload and back keep it). */
export function InboxFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [q, setQ] = useState(filters.q);
  // Spam is its own view, last: kept out of "All" and every status.
  const statuses = [["", t("inbox.all")], ...Object.entries(STATUS_LABELS), ["spam", t("inbox.spam")]] as [string, string][];
  return html`<div class="filters">
    <div role="group" aria-label=${t("inbox.status")} class="status-tabs">
      ${statuses.map(
        ([value, label]) =>
          html`<button type="button" class=${filters.status === value ? "tab tab-current" : "tab"} aria-pressed=${filters.status === value}
            onClick=${() => onChange({ ...filters, status: value })}>${label}</button>`,
      )}
    </div>
    <div class="filter-row">
      <label class="kind-filter"><span>${t("inbox.show")}</span>
        <select value=${filters.kind} onChange=${(e: Event) => onChange({ ...filters, kind: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">${t("inbox.everything")}</option>
          ${Object.entries(KIND_PLURALS).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
        </select>
      </label>
      <${RegularsFilters} filters=${filters} onChange=${onChange} />
      <form role="search" class="search" onSubmit=${(e: Event) => {
        e.preventDefault();
        onChange({ ...filters, q: q.trim() });
      }}>
        <label for="inbox-search" class="visually-hidden">${t("inbox.search_label")}</label>
        <input id="inbox-search" type="search" placeholder=${t("inbox.search_placeholder")} value=${q} onInput=${(e: Event) => setQ((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="secondary">${t("inbox.search")}</button>
      </form>
    </div>
  </div>`;
}
