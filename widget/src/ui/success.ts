import { html } from "htm/preact";
import { expectLine, firstName, type Expectation } from "../messages.ts";

type Props = { name: string; expect: Expectation | undefined; onDone: () => void };

// A stable ref callback runs once, on mount: the form's controls just vanished, so focus (and the
// screen reader) goes to the outcome.
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/** After the server accepted the request: thanks, and an honest line about when the call will come. */
export function Success({ name, expect, onDone }: Props) {
  const first = firstName(name);
  return html`<div class="field">
    <h3 ref=${focusOnMount} tabindex="-1" data-autofocus>Thanks${first && `, ${first}`}!</h3>
    <p>${expectLine(expect)}</p>
    <button type="button" class="primary" onClick=${onDone}>Close</button>
  </div>`;
}
