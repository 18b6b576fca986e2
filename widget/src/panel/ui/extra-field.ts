import { html } from "htm/preact";
import type { MessageField } from "../../panel-host.ts";
import { Field, fieldError, invalidProps } from "./field.ts";

type Props = { field: MessageField; value: string | boolean | undefined; error: string | undefined; onValue: (value: string | boolean) => void };

/**
 * One of the site's own questions: short text, a choice (a <select>), or a checkbox. Its error is keyed
 * `fields.<id>`, as the server keys it; the control's id is `beckon-f-<id>`.
 */
export function ExtraField({ field, value, error, onValue }: Props) {
  const id = `f-${field.id}`;
  const optional = !field.required;
  if (field.type === "text")
    return html`<${Field} id=${id} label=${field.label} optional=${optional} maxlength="500"
      value=${typeof value === "string" ? value : ""} error=${error} onValue=${onValue} />`;
  if (field.type === "checkbox")
    return html`<div class="field">
      <div class="opt">
        <input type="checkbox" id=${`beckon-${id}`} name=${id} required=${!optional} checked=${value === true} ...${invalidProps(id, error)}
          onChange=${(event: Event) => onValue((event.currentTarget as HTMLInputElement).checked)} />
        <label for=${`beckon-${id}`}>${field.label}</label>
      </div>
      ${fieldError(id, error)}
    </div>`;
  return html`<div class="field">
    <label for=${`beckon-${id}`}>${field.label}${optional && html`<span class="muted"> (optional)</span>`}</label>
    <select id=${`beckon-${id}`} name=${id} class="text" required=${!optional} value=${typeof value === "string" ? value : ""} ...${invalidProps(id, error)}
      onChange=${(event: Event) => onValue((event.currentTarget as HTMLSelectElement).value)}>
      <option value="">${"Choose…"}</option>
      ${field.options.map((option) => html`<option value=${option}>${option}</option>`)}
    </select>
    ${fieldError(id, error)}
  </div>`;
}
