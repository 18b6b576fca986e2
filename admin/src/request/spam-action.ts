import { html } from "../html.ts";
import type { RequestDetail } from "./types.ts";

const WHY: Record<string, string> = {
  marked: "Marked as spam; its sender is blocked on this site.",
  blocked_sender: "From a sender you blocked: nobody was alerted.",
  no_challenge: "Sent without the widget's anti-spam check (likely a script): nobody was alerted.",
};

/**
 * "Mark as spam" blocks the sender's phone, email and address on this site and moves their requests
 * to the Spam view; on a spam request, "Not spam" undoes that.
 */
export function SpamAction({ detail, busy, onMark }: { detail: RequestDetail; busy: boolean; onMark: (spam: boolean) => void }) {
  const { spam } = detail.request;
  if (spam) {
    return html`<div class="form-message spam-note" role="note">
      <p>${WHY[spam] ?? "In Spam."}</p>
      <button type="button" class="secondary" disabled=${busy} onClick=${() => onMark(false)}>Not spam</button>
    </div>`;
  }
  return html`<button type="button" class="danger" disabled=${busy} onClick=${() => onMark(true)}
    title="Blocks this phone, email and address on this site, and moves their requests to Spam.">Mark as spam</button>`;
}
