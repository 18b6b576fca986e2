import { html } from "htm/preact";
import { firstName } from "../messages.ts";

type Props = { name: string; line: string; onDone: () => void };

// A stable ref callback runs once, on mount: the form's controls just vanished, so focus (and the
// screen reader) goes to the outcome.
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/** After the server accepted the request: thanks, and one honest line about what happens next. */
export function Success({ name, line, onDone }: Props) {
  const first = firstName(name);
  return html`<div class="field">
    <h3 ref=${focusOnMount} tabindex="-1" data-autofocus>Thanks${first && `, ${first}`}!</h3>
    <p>${line}</p>
    <button type="button" class="primary" onClick=${onDone}>Close</button>
  </div>`;
}
