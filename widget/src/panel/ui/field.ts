import { html } from "htm/preact";

/** The attributes tying a control to its error message, when it has one. */
export const invalidProps = (id: string, error: string | undefined) =>
  error ? { "aria-invalid": "true", "aria-describedby": `beckon-${id}-error` } : {};

/** The message under a control; its id is what `invalidProps` points at. */
export const fieldError = (id: string, error: string | undefined) => error && html`<p id=${`beckon-${id}-error`} class="err">${error}</p>`;

type Props = {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onValue: (value: string) => void;
  optional?: boolean;
  multiline?: boolean;
  [attribute: string]: unknown;
};

/** A labelled text input or textarea with its inline error. */
export function Field({ id, label, value, error, onValue, optional, multiline, ...attributes }: Props) {
  const control = {
    ...attributes,
    id: `beckon-${id}`,
    name: id,
    class: "text",
    value,
    required: !optional,
    ...invalidProps(id, error),
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
  };
  return html`<div class="field">
    <label for=${control.id}>${label}${optional && html`<span class="muted"> (optional)</span>`}</label>
    ${multiline ? html`<textarea ...${control} />` : html`<input ...${control} />`}
    ${fieldError(id, error)}
  </div>`;
}
