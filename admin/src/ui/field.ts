import type { ComponentChildren } from "preact";
import { html } from "../html.ts";

type FieldProps = {
  /** The input's id and, by default, the key of its server error. */
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Renders the control; give it `id` and `aria-describedby` from the arguments. */
  children: (a11y: { id: string; "aria-describedby": string | undefined; "aria-invalid": "true" | undefined }) => ComponentChildren;
};

/** A labelled form control with its hint and its error (announced, and tied to the control). */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : "";
  const errorId = error ? `${id}-error` : "";
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return html`<div class=${error ? "field field-invalid" : "field"}>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : null}
    ${children({ id, "aria-describedby": describedBy, "aria-invalid": error ? "true" : undefined })}
    ${error ? html`<p class="field-error" id=${errorId}>${error}</p>` : null}
  </div>`;
}

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: ComponentChildren;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  multiline?: boolean;
  /** Visible lines of a multiline field (4 by default). */
  rows?: number;
  placeholder?: string;
  /** The placeholder is someone's own words (e.g. the owner's main text), not the app's: not from the catalog. */
  ownPlaceholder?: boolean;
  inputmode?: string;
};

/** A text input (or textarea) inside a Field. */
export function TextField(p: TextFieldProps) {
  return html`<${Field} id=${p.id} label=${p.label} error=${p.error} hint=${p.hint}>
    ${(a11y: Record<string, unknown>) =>
      p.multiline
        ? html`<textarea ...${a11y} rows=${p.rows ?? 4} value=${p.value} required=${p.required} placeholder=${p.placeholder}
            data-user-text=${p.ownPlaceholder ? "" : undefined} onInput=${(e: Event) => p.onValue((e.currentTarget as HTMLTextAreaElement).value)}></textarea>`
        : html`<input ...${a11y} type=${p.type ?? "text"} value=${p.value} required=${p.required} autocomplete=${p.autocomplete}
            placeholder=${p.placeholder} inputmode=${p.inputmode} data-user-text=${p.ownPlaceholder ? "" : undefined}
            onInput=${(e: Event) => p.onValue((e.currentTarget as HTMLInputElement).value)} />`}
  <//>`;
}

/** A one-line answer above a form: what went wrong as a whole (field errors sit at their fields). */
export function FormMessage({ error, success }: { error?: string | null | undefined; success?: string | null | undefined }) {
  if (error) return html`<p class="form-message form-error" role="alert">${error}</p>`;
  if (success) return html`<p class="form-message form-success" role="status">${success}</p>`;
  return html`<div role="status" class="visually-hidden"></div>`;
}
