import { escapeHtml } from "@beckon/contract/autoreply";
import { DateTime } from "luxon";
import type { Report } from "./reports.ts";

/**
 * The weekly summary's words, in the owner app's language (English, the app's only catalog so far):
 * a translation is another object of the same keys.
 */
const EN = {
  subject: (site: string, n: string) => `Your week at ${site}: ${n} requests`,
  heading: (site: string, from: string, to: string) => `Your week at ${site}, ${from} to ${to}`,
  requests: "Requests",
  byChannel: (callback: string, message: string, chat: string) => `call-backs ${callback}, messages ${message}, chats ${chat}`,
  median: "Median time to first answer",
  within: (hours: string) => `Answered within your promise (${hours} h)`,
  withinOf: (share: string, within: string, due: string) => `${share} (${within} of ${due})`,
  missed: "Missed calls",
  ratings: "Ratings",
  ratingsValue: (good: string, okay: string, bad: string) => `${good} good, ${okay} okay, ${bad} bad`,
  busiest: "Busiest hour",
  busiestAt: (day: string, hour: string, n: string) => `${day} ${hour}:00 (${n} requests)`,
  none: "none yet",
  link: (url: string) => `The full report: ${url}`,
  why: "You get this because you turned on the weekly summary for this site. Turn it off on the reports page.",
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

const number = new Intl.NumberFormat("en");
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });

/** A wait as a person says it: "45 min", "2 h 5 min", "3 days 4 h". */
export function formatWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${number.format(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${number.format(hours)} h ${minutes % 60} min` : `${number.format(hours)} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${number.format(days)} days ${hours % 24} h` : `${number.format(days)} days`;
}

/** The busiest weekday and hour of the report, or null without requests. */
export function busiestHour(report: Report): { weekday: number; hour: number; n: number } | null {
  let best: { weekday: number; hour: number; n: number } | null = null;
  report.busiestHours.forEach((hours, weekday) => hours.forEach((n, hour) => { if (n > (best?.n ?? 0)) best = { weekday, hour, n }; }));
  return best;
}

/** The summary email: subject, plain text and simple HTML with the same lines. */
export function weeklySummaryEmail(report: Report, site: { name: string }, link: string): { subject: string; text: string; html: string } {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: report.timeZone }).setLocale("en").toFormat("ccc d LLL");
  const last = DateTime.fromISO(report.to, { zone: report.timeZone }).minus({ milliseconds: 1 }).toISO()!;
  const { totals, firstAnswer, withinPromise } = report;
  const busy = busiestHour(report);
  const rows: [string, string][] = [
    [EN.requests, `${number.format(totals.requests)} (${EN.byChannel(number.format(totals.callback), number.format(totals.message), number.format(totals.chat))})`],
    [EN.median, firstAnswer.medianMs === null ? EN.none : formatWait(firstAnswer.medianMs)],
    [EN.within(number.format(withinPromise.promiseHours)), withinPromise.share === null ? EN.none : EN.withinOf(percent.format(withinPromise.share), number.format(withinPromise.within), number.format(withinPromise.due))],
    [EN.missed, number.format(report.missedCalls)],
    [EN.ratings, EN.ratingsValue(number.format(report.ratings.good), number.format(report.ratings.okay), number.format(report.ratings.bad))],
    [EN.busiest, busy ? EN.busiestAt(EN.weekdays[busy.weekday]!, String(busy.hour).padStart(2, "0"), number.format(busy.n)) : EN.none],
  ];
  const heading = EN.heading(site.name, day(report.from), day(last));
  const text = [heading, "", ...rows.map(([k, v]) => `${k}: ${v}`), "", EN.link(link), "", EN.why].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">
<h1 style="font-size: 1.2em">${escapeHtml(heading)}</h1>
<table style="border-collapse: collapse">
${rows.map(([k, v]) => `<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0">${escapeHtml(k)}</th><td style="padding: 4px 0">${escapeHtml(v)}</td></tr>`).join("\n")}
</table>
<p><a href="${escapeHtml(link)}">${escapeHtml(EN.link(link))}</a></p>
<p style="color: #555; font-size: 0.9em">${escapeHtml(EN.why)}</p>
</body></html>`;
  return { subject: EN.subject(site.name, number.format(totals.requests)), text, html };
}
