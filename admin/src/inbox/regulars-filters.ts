import { html } from "../html.ts";
import type { Filters } from "./filters.ts";

/** Issue #12: the "asked again" filter and the "waiting longest" order. */
export function RegularsFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  return html`<label class="kind-filter"><span>Order</span>
      <select value=${filters.sort ?? ""} onChange=${(e: Event) => onChange({ ...filters, sort: (e.currentTarget as HTMLSelectElement).value })}>
        <option value="">Newest first</option>
        <option value="waiting">Waiting longest</option>
      </select>
    </label>
    <label class="check-filter">
      <input type="checkbox" checked=${filters.repeat === "1"} onChange=${(e: Event) => onChange({ ...filters, repeat: (e.currentTarget as HTMLInputElement).checked ? "1" : "" })} />
      <span>Asked again</span>
    </label>`;
}
