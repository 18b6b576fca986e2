import { html } from "../html.ts";
import type { RequestSummary } from "./types.ts";
import { t } from "../i18n/t.ts";

/** Issue #12: "asked again (2nd time)", VIP, and "says they are …" for an identity the shop did not sign. */
export function RegularsBadges({ request: r }: { request: RequestSummary }) {
  return html`${r.vip && !r.standing?.startsWith("VIP") ? html`<span class="badge badge-vip">${t("regulars.vip")}</span>` : null}
    ${r.repeat ? html`<span class="badge badge-again" data-user-text>${r.repeat.label}</span>` : null}
    ${r.identity && r.identity !== "verified" ? html`<span class="badge badge-says" data-user-text>${r.identity}</span>` : null}`;
}
