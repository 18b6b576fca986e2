import { html } from "../html.ts";
import type { Filters } from "./filters.ts";
import { t } from "../i18n/t.ts";

/** Issue #12: the "asked again" filter and the "waiting longest" order. */
export function RegularsFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  return html`<label class="kind-filter"><span>${t("regulars.order")}</span>
      <select value=${filters.sort ?? ""} onChange=${(e: Event) => onChange({ ...filters, sort: (e.currentTarget as HTMLSelectElement).value })}>
        <option value="">${t("regulars.newest")}</option>
        <option value="waiting">${t("regulars.waiting")}</option>
      </select>
    </label>
    <label class="check-filter">
      <input type="checkbox" checked=${filters.repeat === "1"} onChange=${(e: Event) => onChange({ ...filters, repeat: (e.currentTarget as HTMLInputElement).checked ? "1" : "" })} />
      <span>${t("regulars.asked_again")}</span>
    </label>`;
}
