import { html } from "htm/preact";
import { formatWhen } from "../format.ts";
import { fieldError, invalidProps } from "./field.ts";

type Props = { when: "asap" | "pick"; slot: string; slots: string[]; error: string | undefined; onChange: (when: "asap" | "pick", slot?: string) => void };

/** "When should we call?": as soon as possible, or one of the site's slots in the shopper's time zone. */
export function WhenField({ when, slot, slots, error, onChange }: Props) {
  const radio = (value: "asap" | "pick", label: string) => html`<div class="opt">
    <input type="radio" id=${`beckon-when-${value}`} name="when" value=${value} checked=${when === value}
      ...${when === value && value === "asap" ? invalidProps("when", error) : {}} onChange=${() => onChange(value)} />
    <label for=${`beckon-when-${value}`}>${label}</label>
  </div>`;
  return html`<fieldset>
    <legend>When should we call?</legend>
    ${radio("asap", "As soon as possible")}
    ${slots.length > 0 && radio("pick", "Pick a time")}
    ${when === "pick" &&
    html`<label for="beckon-slot" class="vh">Time</label>
      <select id="beckon-slot" name="slot" class="text" value=${slot} ...${invalidProps("when", error)}
        onChange=${(event: Event) => onChange("pick", (event.currentTarget as HTMLSelectElement).value)}>
        ${slots.map((s) => html`<option value=${s}>${formatWhen(s)}</option>`)}
      </select>`}
    ${fieldError("when", error)}
  </fieldset>`;
}
