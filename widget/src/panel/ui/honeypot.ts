import { html } from "htm/preact";

type Props = { name: string; value: string; onValue: (value: string) => void };

/**
 * A field people never see (off-screen, out of the tab order, hidden from screen readers), so anything
 * typed in it came from a bot. Its name and label give browsers' autofill nothing to match: a field
 * called "company" was being filled in by Chrome for real shoppers. The body still sends it as `company`.
 */
export function Honeypot({ name, value, onValue }: Props) {
  return html`<div class="vh" aria-hidden="true">
    <label for=${name}>Leave this empty</label>
    <input id=${name} name=${name} tabindex="-1" autocomplete="off" aria-hidden="true" value=${value}
      onInput=${(event: Event) => onValue((event.currentTarget as HTMLInputElement).value)} />
  </div>`;
}
