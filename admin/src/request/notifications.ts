import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { formatDateTime } from "../ui/format.ts";
import { notificationText } from "./timeline-text.ts";
import type { Notification, RequestDetail } from "./types.ts";
import { t } from "../i18n/t.ts";

/** How soon to look again while a send is in hand or due within moments: the outbox tells nobody when it finishes. */
const IN_FLIGHT_RECHECK_MS = 2000;

/** Whether a notification is being sent now, or will be tried within a few seconds. */
function inFlight(n: Notification, now: number): boolean {
  if (n.status === "sending") return true;
  return n.status === "pending" && (!n.nextAttemptAt || new Date(n.nextAttemptAt).getTime() - now < 10_000);
}

/**
 * Every SMS and email this request caused: to whom, its state (with the provider's word), the error in
 * a sentence, when the next try is due, and "Retry now" for one that failed or was not sent.
 */
export function Notifications({ detail, api, onChanged }: { detail: RequestDetail; api: Api; onChanged: () => Promise<void> | void }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const looking = detail.notifications.some((n) => inFlight(n, Date.now()));
  useEffect(() => {
    if (!looking) return;
    const timer = setTimeout(() => void onChanged(), IN_FLIGHT_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [detail, looking]);
  if (!detail.notifications.length) return html`<p class="muted">${t("notify.none")}</p>`;
  const zone = detail.site.timezone;
  const retry = async (n: Notification) => {
    setBusy(n.id);
    setError(null);
    try {
      await api.send("POST", `/requests/${encodeURIComponent(detail.request.id)}/notifications/${n.id}/retry`);
      await onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  return html`${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    <ul class="notifications">
      ${detail.notifications.map((n) => {
        const text = notificationText(n);
        const canRetry = n.status === "failed" || n.status === "not_sent" || (n.status === "sent" && (n.providerStatus === "failed" || n.providerStatus === "undelivered"));
        return html`<li class=${`notification tone-${text.tone}`}>
          <span class="n-what">${text.what}</span>
          <span class="n-status">${text.status}${text.provider ? html` <span data-user-text>(${text.provider})</span>` : ""}${n.attempts > 1 ? t("notify.after_attempts", { count: n.attempts }) : ""}</span>
          <span class="n-when muted">${formatDateTime(n.sentAt ?? n.updatedAt, zone)}</span>
          ${n.lastError ? html`<span class="n-error" data-user-text>${n.lastError}</span>` : null}
          ${n.nextAttemptAt && n.attempts > 0 ? html`<span class="n-when muted">${t("notify.trying_again", { when: formatDateTime(n.nextAttemptAt, zone) })}</span>` : null}
          ${canRetry
            ? html`<span class="n-retry"><button type="button" class="secondary" disabled=${busy !== null} onClick=${() => retry(n)}
                aria-label=${t("notify.retry_label", { what: text.what })}>${busy === n.id ? t("notify.retrying") : t("notify.retry")}</button></span>`
            : null}
        </li>`;
      })}
    </ul>`;
}
