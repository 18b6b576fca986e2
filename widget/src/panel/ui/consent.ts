import { html } from "htm/preact";
import type { ChannelConsent } from "../../panel-host.ts";
import { fieldError, invalidProps } from "./field.ts";

type Props = { consent: ChannelConsent; privacy: string; checked: boolean; error: string | undefined; onCheck: (checked: boolean) => void };

/**
 * One channel's consent: a required checkbox labelled with that channel's own wording, when the site asks
 * for a tick on this channel; the site's privacy line either way (alone when no tick is needed).
 */
export function Consent({ consent, privacy, checked, error, onCheck }: Props) {
  // The error shows even without a checkbox: the site may have started requiring consent since config loaded.
  return html`<div class="field">
    ${consent.required &&
    html`<div class="opt">
      <input type="checkbox" id="beckon-consent" name="consent" required checked=${checked} ...${invalidProps("consent", error)}
        onChange=${(event: Event) => onCheck((event.currentTarget as HTMLInputElement).checked)} />
      <label for="beckon-consent" class="small">${consent.text}</label>
    </div>`}
    ${privacy && html`<p class="small">${privacy}</p>`}
    ${fieldError("consent", error)}
  </div>`;
}
