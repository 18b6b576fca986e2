import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { KIND_LABELS, STATUS_LABELS } from "./types.ts";
import { RegularsFilters } from "./regulars-filters.ts";

export type Filters = { status: string; kind: string; q: string; /** "1": asked again only */ repeat?: string; /** "waiting": open, oldest first */ sort?: string };

/** Status tabs, a kind picker and a search box; every change goes into the URL (so reload and back keep it). */
export function InboxFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [q, setQ] = useState(filters.q);
  // Spam is its own view, last: kept out of "All" and every status.
  const statuses = [["", "All"], ...Object.entries(STATUS_LABELS), ["spam", "Spam"]] as [string, string][];
  return html`<div class="filters">
    <div role="group" aria-label="Status" class="status-tabs">
      ${statuses.map(
        ([value, label]) =>
          html`<button type="button" class=${filters.status === value ? "tab tab-current" : "tab"} aria-pressed=${filters.status === value}
            onClick=${() => onChange({ ...filters, status: value })}>${label}</button>`,
      )}
    </div>
    <div class="filter-row">
      <label class="kind-filter"><span>Show</span>
        <select value=${filters.kind} onChange=${(e: Event) => onChange({ ...filters, kind: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">Everything</option>
          ${Object.entries(KIND_LABELS).map(([value, label]) => html`<option value=${value}>${label}s</option>`)}
        </select>
      </label>
      <${RegularsFilters} filters=${filters} onChange=${onChange} />
      <form role="search" class="search" onSubmit=${(e: Event) => {
        e.preventDefault();
        onChange({ ...filters, q: q.trim() });
      }}>
        <label for="inbox-search" class="visually-hidden">Search by name, phone, email or text</label>
        <input id="inbox-search" type="search" placeholder="Name, phone, email or text" value=${q} onInput=${(e: Event) => setQ((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="secondary">Search</button>
      </form>
    </div>
  </div>`;
}
