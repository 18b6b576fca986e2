import { html } from "../html.ts";

/** A secret the server shows this once (a token, a signing secret): selectable, with a plain warning. */
export function ShownOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  return html`<div class="shown-once" role="status">
    <p><strong>${label}</strong> It is shown only now: copy it somewhere safe.</p>
    <p><code class="secret" data-testid="shown-secret">${value}</code></p>
    <button type="button" class="secondary" onClick=${onDone}>I copied it</button>
  </div>`;
}
