import { html } from "htm/preact";
import { fieldError, invalidProps } from "./field.ts";

type Props = { text: string; required: boolean; checked: boolean; error: string | undefined; onCheck: (checked: boolean) => void };

/** The site's consent text: a required checkbox labelled with it, or small print when no tick is needed. */
export function Consent({ text, required, checked, error, onCheck }: Props) {
  // The error shows even without a checkbox: the site may have started requiring consent since config loaded.
  return html`<div class="field">
    ${required
      ? html`<div class="opt">
          <input type="checkbox" id="beckon-consent" name="consent" required checked=${checked} ...${invalidProps("consent", error)}
            onChange=${(event: Event) => onCheck((event.currentTarget as HTMLInputElement).checked)} />
          <label for="beckon-consent" class="small">${text}</label>
        </div>`
      : html`<p class="small">${text}</p>`}
    ${fieldError("consent", error)}
  </div>`;
}
