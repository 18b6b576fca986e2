import { html } from "../html.ts";
import { formatNumber, t } from "../i18n/t.ts";
import { weekdayName } from "./report-format.ts";

const CELL = 26;
const LEFT = 44;
const TOP = 18;
const hours = Array.from({ length: 24 }, (_, h) => h);

/** Busiest hours: weekday × hour in the site's zone, darker for more requests (plain SVG), with the table behind a toggle. */
export function HeatMap({ grid, days, zone }: { grid: number[][]; days: number; zone: string }) {
  const max = Math.max(1, ...grid.flat());
  const caption = t("reports.heat_caption", { days, zone });
  return html`<figure class="chart">
    <svg viewBox=${`0 0 ${LEFT + 24 * CELL} ${TOP + 7 * CELL}`} role="img" aria-label=${caption} class="chart-svg heat">
      ${hours.filter((h) => h % 3 === 0).map((h) => html`<text class="axis" x=${LEFT + h * CELL + CELL / 2} y=${TOP - 6} text-anchor="middle">${String(h).padStart(2, "0")}</text>`)}
      ${grid.map((row, d) => html`<g>
        <text class="axis" x=${LEFT - 6} y=${TOP + d * CELL + CELL / 2 + 4} text-anchor="end">${weekdayName(d)}</text>
        ${row.map((n, h) => html`<rect x=${LEFT + h * CELL + 1} y=${TOP + d * CELL + 1} width=${CELL - 2} height=${CELL - 2} rx="3"
          class=${n ? "heat-cell" : "heat-cell heat-empty"} fill-opacity=${n ? (0.15 + 0.85 * (n / max)).toFixed(2) : undefined}>
          <title>${t("reports.heat_cell", { day: weekdayName(d), hour: String(h).padStart(2, "0"), count: n })}</title></rect>`)}
      </g>`)}
    </svg>
    <p class="legend heat-legend" aria-hidden="true">${t("reports.less")} <i class="swatch heat-lo"></i><i class="swatch heat-hi"></i> ${t("reports.more")}</p>
    <details class="chart-data">
      <summary>${t("reports.show_table")}<span class="visually-hidden">: ${caption}</span></summary>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
        <table class="data-table heat-table">
          <caption>${caption}</caption>
          <thead><tr><th scope="col">${t("reports.weekday")}</th>${hours.map((h) => html`<th scope="col">${String(h).padStart(2, "0")}</th>`)}</tr></thead>
          <tbody>${grid.map((row, d) => html`<tr><th scope="row">${weekdayName(d)}</th>${row.map((n) => html`<td>${formatNumber(n)}</td>`)}</tr>`)}</tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
