import { html } from "../html.ts";
import { paths } from "../pages/page.ts";
import { formatAgo, formatDateTime } from "../ui/format.ts";
import { loyaltyLabel, requestLine } from "./describe.ts";
import { RegularsBadges } from "./regulars-badges.ts";
import { KIND_LABELS, STATUS_LABELS, type RequestSummary } from "./types.ts";
import { t, tCount } from "../i18n/t.ts";

/** One request in the inbox list: who, how to reach them, what about, status, how long ago. */
export function RequestRow({ request: r, site, timeZone, now, fresh }: { request: RequestSummary; site: string; timeZone: string; now: Date; fresh: boolean }) {
  const loyalty = loyaltyLabel(r);
  return html`<li class=${`req-row${fresh ? " req-fresh" : ""}${r.status === "done" ? " req-done" : ""}`}>
    <a class="req-link" href=${paths.request(site, r.id)}>
      <span class="req-head">
        ${r.name ? html`<span class="req-name" data-user-text>${r.name}</span>` : html`<span class="req-name">${t("common.visitor")}</span>`}
        <span class="badge badge-kind">${KIND_LABELS[r.kind]}</span>
        ${r.standing || loyalty ? html`<span class="badge badge-returning" data-user-text=${r.standing ? "" : undefined}>${r.standing ?? loyalty}</span>` : null}
        <${RegularsBadges} request=${r} />
      </span>
      <span class="req-line" data-user-text=${r.kind === "message" ? "" : undefined}>${requestLine(r, timeZone)}</span>
      ${r.gist ? html`<span class="req-gist" data-user-text>${r.gist}</span>` : null}
      ${r.files ? html`<span class="req-files">📎 ${tCount("files.count", r.files)}</span>` : null}
    </a>
    <span class="req-meta">
      <span class=${`badge badge-${r.status}`}>${STATUS_LABELS[r.status]}</span>
      <time datetime=${r.createdAt} title=${formatDateTime(r.createdAt, timeZone)}>${formatAgo(r.createdAt, now, timeZone)}</time>
      <span class="visually-hidden">, #${r.ref}</span>
    </span>
  </li>`;
}
