import { html } from "../html.ts";
import { formatPhone } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";
import { t } from "../i18n/t.ts";

type Status = RequestDetail["request"]["status"];

/** Quick actions: call the shopper, and move the request along (or back). */
export function StatusActions({ detail, busy, onStatus, onCall }: { detail: RequestDetail; busy: boolean; onStatus: (status: Status) => void; onCall: () => void }) {
  const { status, phone, kind } = detail.request;
  const calling = detail.calling;
  const button = (to: Status, label: string, primary = false) =>
    html`<button type="button" class=${primary ? undefined : "secondary"} disabled=${busy} onClick=${() => onStatus(to)}>${label}</button>`;
  return html`<div class="actions request-actions">
    ${phone && kind === "callback"
      ? html`${calling.ready
            ? html`<button type="button" disabled=${busy} onClick=${onCall} title=${t("actions.call_now_title")}>${t("actions.call_now")}</button>`
            : null}
          <a class="button secondary" href=${`tel:${phone}`}>${t("actions.call", { phone: formatPhone(phone) })}</a>`
      : null}
    ${status === "new" ? button("in_progress", t("actions.mark_in_progress")) : null}
    ${status !== "done" ? button("done", t("actions.mark_done"), !phone || kind !== "callback") : button("new", t("actions.reopen"))}
    ${status === "in_progress" ? button("new", t("actions.back_to_new")) : null}
  </div>
  ${phone && kind === "callback" && !calling.ready
    ? html`<p class="muted call-setup">${t("actions.call_setup", { missing: calling.missing ?? "", section: calling.readmeSection ?? "" })}</p>`
    : null}`;
}
