import { html } from "../html.ts";
import { formatDateTime } from "../ui/format.ts";
import { notificationText } from "./timeline-text.ts";
import type { RequestDetail } from "./types.ts";

/** Every SMS and email this request caused: to whom, its state (with the provider's word), and any error. */
export function Notifications({ detail }: { detail: RequestDetail }) {
  if (!detail.notifications.length) return html`<p class="muted">Nothing was sent for this request.</p>`;
  return html`<ul class="notifications">
    ${detail.notifications.map((n) => {
      const t = notificationText(n);
      return html`<li class=${`notification tone-${t.tone}`}>
        <span class="n-what">${t.what}</span>
        <span class="n-status">${t.status}${n.attempts > 1 ? ` after ${n.attempts} attempts` : ""}</span>
        <span class="n-when muted">${formatDateTime(n.sentAt ?? n.updatedAt, detail.site.timezone)}</span>
        ${n.lastError ? html`<span class="n-error">${n.lastError}</span>` : null}
      </li>`;
    })}
  </ul>`;
}
