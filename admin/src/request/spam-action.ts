import { html } from "../html.ts";
import type { RequestDetail } from "./types.ts";
import { t } from "../i18n/t.ts";

const why = (): Record<string, string> => ({ marked: t("spam.marked"), blocked_sender: t("spam.blocked_sender"), no_challenge: t("spam.no_challenge") });

/**
 * "Mark as spam" blocks the sender's phone, email and address on this site and moves their requests
 * to the Spam view; on a spam request, "Not spam" undoes that.
 */
export function SpamAction({ detail, busy, onMark }: { detail: RequestDetail; busy: boolean; onMark: (spam: boolean) => void }) {
  const { spam } = detail.request;
  if (spam) {
    return html`<div class="form-message spam-note" role="note">
      <p>${why()[spam] ?? t("spam.in_spam")}</p>
      <button type="button" class="secondary" disabled=${busy} onClick=${() => onMark(false)}>${t("spam.not_spam")}</button>
    </div>`;
  }
  return html`<button type="button" class="danger" disabled=${busy} onClick=${() => onMark(true)}
    title=${t("spam.mark_title")}>${t("spam.mark")}</button>`;
}
