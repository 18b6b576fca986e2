import { useEffect, useState } from "preact/hooks";
import type { ReportAnswer } from "@beckon/contract/reports";
import { html } from "../html.ts";
import { formatNumber, t, tCount } from "../i18n/t.ts";
import { HeatMap } from "../reports/heat-map.ts";
import { PerDayChart } from "../reports/per-day-chart.ts";
import { formatPercent, formatWait } from "../reports/report-format.ts";
import { FormMessage } from "../ui/field.ts";
import type { PageProps } from "./page.ts";

const PERIODS = [7, 30, 90] as const;

/** A site's reports for 7, 30 or 90 days: the summary figures, requests per day, busiest hours; and the weekly email choice. */
export function ReportsPage({ api, site, query, navigate }: PageProps) {
  const days = PERIODS.find((d) => String(d) === query.get("days")) ?? 7;
  const base = `/sites/${encodeURIComponent(site.key)}`;
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [weekly, setWeekly] = useState<{ error?: string; success?: string }>({});

  useEffect(() => {
    setError(null);
    api.get<ReportAnswer>(`${base}/reports?days=${days}`).then(setAnswer, (err: Error) => setError(err.message));
  }, [base, days]);

  const toggleWeekly = async (enabled: boolean) => {
    // Shown at once; put back if the server says no.
    setAnswer((a) => a && { ...a, weeklySummary: enabled });
    setWeekly({});
    try {
      await api.send("PUT", `${base}/weekly-summary`, { enabled });
      setWeekly({ success: enabled ? t("reports.weekly_on") : t("reports.weekly_off") });
    } catch (err) {
      setAnswer((a) => a && { ...a, weeklySummary: !enabled });
      setWeekly({ error: err instanceof Error ? err.message : String(err) });
    }
  };

  const r = answer?.report;
  return html`<div class="reports">
    <div class="page-head"><h1>${t("reports.title")}</h1></div>
    <fieldset class="period">
      <legend>${t("reports.period")}</legend>
      ${PERIODS.map((d) => html`<label><input type="radio" name="period" value=${d} checked=${d === days}
        onChange=${() => navigate(`/admin/sites/${encodeURIComponent(site.key)}/reports?days=${d}`, { replace: true })} /> ${tCount("reports.days", d)}</label>`)}
    </fieldset>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    ${!r
      ? html`<p class="muted" role="status">${t("common.loading")}</p>`
      : html`<p class="muted">${t("reports.zone", { zone: r.timeZone })}</p>
        <section class="card" aria-labelledby="summary-h"><h2 id="summary-h">${t("reports.summary")}</h2>
          <dl class="figures">
            <div><dt>${t("reports.requests")}</dt><dd data-figure="requests">${formatNumber(r.totals.requests)}</dd></div>
            <div><dt>${t("reports.median")}</dt><dd data-figure="median">${r.firstAnswer.medianMs === null ? t("reports.none") : formatWait(r.firstAnswer.medianMs)}
              ${r.firstAnswer.answered ? html`<small>${tCount("reports.median_of", r.firstAnswer.answered)}</small>` : null}</dd></div>
            <div><dt>${t("reports.within", { hours: r.withinPromise.promiseHours })}</dt><dd data-figure="within">${r.withinPromise.share === null ? t("reports.none") : formatPercent(r.withinPromise.share)}
              ${r.withinPromise.due ? html`<small>${t("reports.within_of", { within: r.withinPromise.within, due: r.withinPromise.due })}</small>` : null}</dd></div>
            <div><dt>${t("reports.missed")}</dt><dd data-figure="missed">${formatNumber(r.missedCalls)}</dd></div>
            <div><dt>${t("reports.ratings")}</dt><dd data-figure="ratings">${t("reports.ratings_value", { good: formatNumber(r.ratings.good), okay: formatNumber(r.ratings.okay), bad: formatNumber(r.ratings.bad) })}</dd></div>
          </dl>
        </section>
        <section class="card" aria-labelledby="per-day-h"><h2 id="per-day-h">${t("reports.per_day")}</h2><${PerDayChart} days=${r.days} perDay=${r.perDay} /></section>
        <section class="card" aria-labelledby="heat-h"><h2 id="heat-h">${t("reports.heat")}</h2><${HeatMap} grid=${r.busiestHours} days=${r.days} zone=${r.timeZone} /></section>
        <section class="card">
          <label class="check"><input type="checkbox" checked=${answer!.weeklySummary} onChange=${(e: Event) => toggleWeekly((e.currentTarget as HTMLInputElement).checked)} /> ${t("reports.weekly")}</label>
          <${FormMessage} error=${weekly.error} success=${weekly.success} />
        </section>`}
  </div>`;
}
