import { html } from "../html.ts";
import { t } from "../i18n/t.ts";

/** A secret the server shows this once (a token, a signing secret): selectable, with a plain warning. */
export function ShownOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  return html`<div class="shown-once" role="status">
    <p><strong>${label}</strong> ${t("shown_once.warning")}</p>
    <p><code class="secret" data-testid="shown-secret" data-user-text>${value}</code></p>
    <button type="button" class="secondary" onClick=${onDone}>${t("shown_once.done")}</button>
  </div>`;
}
