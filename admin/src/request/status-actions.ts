import { html } from "../html.ts";
import { formatPhone } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";

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
            ? html`<button type="button" disabled=${busy} onClick=${onCall} title="Beckon rings your phone, then connects the shopper; they see the shop's number, not yours.">Call now</button>`
            : null}
          <a class="button secondary" href=${`tel:${phone}`}>Call ${formatPhone(phone)}</a>`
      : null}
    ${status === "new" ? button("in_progress", "Mark in progress") : null}
    ${status !== "done" ? button("done", "Mark done", !phone || kind !== "callback") : button("new", "Reopen")}
    ${status === "in_progress" ? button("new", "Back to new") : null}
  </div>
  ${phone && kind === "callback" && !calling.ready
    ? html`<p class="muted call-setup">${calling.missing} Until then, call from your own phone. How to set it up: “${calling.readmeSection}” in Beckon's README.</p>`
    : null}`;
}
