import type { DayCounts } from "@beckon/contract/reports";
import { html } from "../html.ts";
import { formatNumber, t } from "../i18n/t.ts";
import { KIND_LABELS } from "../inbox/types.ts";
import { formatDay } from "./report-format.ts";

const KINDS = ["callback", "message", "chat"] as const;
const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };

/** A friendly top for the axis: 1, 2, 5, 10, 20, 50… at or above the largest day. */
const niceMax = (n: number) => {
  for (let step = 1; ; step *= 10) for (const m of [1, 2, 5]) if (m * step >= n) return m * step;
};

/** Requests per day as stacked bars by channel (plain SVG), with the same numbers in a table behind a toggle. */
export function PerDayChart({ days, perDay }: { days: number; perDay: DayCounts[] }) {
  const totals = perDay.map((d) => d.callback + d.message + d.chat);
  const max = niceMax(Math.max(1, ...totals));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / perDay.length;
  const bar = Math.max(1, slot * 0.7);
  const y = (n: number) => PAD.top + innerH - (n / max) * innerH;
  const labelEvery = Math.ceil(perDay.length / 10);
  const caption = t("reports.per_day_caption", { days });
  return html`<figure class="chart">
    <div class="legend" aria-hidden="true">${KINDS.map((k) => html`<span><i class=${`swatch kind-${k}`}></i>${KIND_LABELS[k]}</span>`)}</div>
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${caption} class="chart-svg">
      ${[0, max / 2, max].map((v) => html`<g class="axis"><line x1=${PAD.left} x2=${W - PAD.right} y1=${y(v)} y2=${y(v)} /><text x=${PAD.left - 6} y=${y(v) + 4} text-anchor="end">${formatNumber(v)}</text></g>`)}
      ${perDay.map((d, i) => {
        let base = 0;
        const x = PAD.left + i * slot + (slot - bar) / 2;
        return html`<g>
          ${KINDS.map((k) => {
            const n = d[k];
            const top = y(base + n);
            const rect = n ? html`<rect class=${`kind-${k}`} x=${x} y=${top} width=${bar} height=${y(base) - top}><title>${formatDay(d.date)}: ${formatNumber(n)} ${KIND_LABELS[k]}</title></rect>` : null;
            base += n;
            return rect;
          })}
          ${i % labelEvery === 0 ? html`<text class="axis" x=${x + bar / 2} y=${H - 8} text-anchor="middle">${formatDay(d.date).replace(/^\S+\s/, "")}</text>` : null}
        </g>`;
      })}
    </svg>
    <details class="chart-data">
      <summary>${t("reports.show_table")}<span class="visually-hidden">: ${caption}</span></summary>
      <table class="data-table">
        <caption>${caption}</caption>
        <thead><tr><th scope="col">${t("reports.date")}</th>${KINDS.map((k) => html`<th scope="col">${t(`kinds.${k}`)}</th>`)}<th scope="col">${t("reports.total")}</th></tr></thead>
        <tbody>${perDay.map((d, i) => html`<tr><th scope="row">${formatDay(d.date)}</th>${KINDS.map((k) => html`<td>${formatNumber(d[k])}</td>`)}<td>${formatNumber(totals[i]!)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}
