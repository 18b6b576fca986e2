import { html } from "htm/preact";

type Props = { label: string; open: boolean; onToggle: () => void };

/** The button in the corner of the page that opens and closes the panel. */
export function Launcher({ label, open, onToggle }: Props) {
  return html`<button type="button" class="launcher" aria-expanded=${open} aria-controls="beckon-panel" onClick=${onToggle}>
    <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20"><path d="M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z" /></svg>
    ${label}
  </button>`;
}
