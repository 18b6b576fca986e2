import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import type { DraftField } from "./message-field-id.ts";
import type { MessageField } from "./types.ts";
import { t, tParts } from "../i18n/t.ts";
import { formatNumber } from "../ui/format.ts";

const MAX_FIELDS = 6;
const TYPES = ["text", "choice", "checkbox"] as const;

type Props = { fields: DraftField[]; onChange: (fields: DraftField[]) => void; errors: Record<string, string>; newKey: () => number };

/** Extra questions on "Send a message": add, remove, reorder; label, type, options, required. */
export function MessageFieldsEditor({ fields, onChange, errors, newKey }: Props) {
  const [said, setSaid] = useState("");
  const update = (i: number, patch: Partial<MessageField>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    next.splice(i + by, 0, f!);
    onChange(next);
    setSaid(t(by < 0 ? "fields.moved_up" : "fields.moved_down", { label: f!.label || t("fields.field_n", { n: i + 1 }), n: i + by + 1 }));
  };
  const remove = (i: number) => {
    setSaid(t("fields.removed", { label: fields[i]!.label || t("fields.field_n", { n: i + 1 }) }));
    onChange(fields.filter((_, j) => j !== i));
  };
  const add = () => {
    onChange([...fields, { key: newKey(), id: "", label: "", type: "text", options: [], required: false }]);
    setSaid(t("fields.added", { n: fields.length + 1 }));
  };

  return html`<div class="message-fields" id=${fieldId("messageFields")}>
    <h3>${t("fields.title")}</h3>
    <p class="hint">${t("fields.hint", { max: MAX_FIELDS })}</p>
    ${errors.messageFields ? html`<p class="field-error">${errors.messageFields}</p>` : null}
    ${fields.length === 0 ? html`<p class="muted">${t("fields.none")}</p>` : null}
    <ol class="field-list">
      ${fields.map((f, i) => {
        const p = (part: string) => `messageFields.${i}.${part}`;
        const title = f.label ? html`<span data-user-text>${f.label}</span>` : t("fields.field_title", { n: i + 1 });
        const optionsError = errorAt(errors, p("options"), true);
        return html`<li key=${f.key}><fieldset class="extra-field" id=${fieldId(`messageFields.${i}`)}>
          <legend>${formatNumber(i + 1)}. ${title}</legend>
          <div class=${errorAt(errors, p("label")) ? "field field-invalid" : "field"}>
            <label for=${fieldId(p("label"))}>${t("fields.label")}</label>
            <input type="text" id=${fieldId(p("label"))} value=${f.label} maxlength="60" aria-invalid=${errorAt(errors, p("label")) ? "true" : undefined}
              aria-describedby=${errorAt(errors, p("label")) ? `${fieldId(p("label"))}-error` : undefined}
              onInput=${(e: Event) => update(i, { label: (e.currentTarget as HTMLInputElement).value })} />
            ${errorAt(errors, p("label")) ? html`<p class="field-error" id=${`${fieldId(p("label"))}-error`}>${errorAt(errors, p("label"))}</p>` : null}
          </div>
          <div class="field">
            <label for=${fieldId(p("type"))}>${t("fields.type")}</label>
            <select id=${fieldId(p("type"))} value=${f.type} onChange=${(e: Event) => update(i, { type: (e.currentTarget as HTMLSelectElement).value as MessageField["type"] })}>
              ${TYPES.map((type) => html`<option value=${type}>${t(`fields.type.${type}`)}</option>`)}
            </select>
          </div>
          ${f.type === "choice"
            ? html`<div class=${optionsError ? "field field-invalid" : "field"}>
                <label for=${fieldId(p("options"))}>${t("fields.options")}</label>
                <p class="hint" id=${`${fieldId(p("options"))}-hint`}>${t("fields.options_hint")}</p>
                <textarea id=${fieldId(p("options"))} rows="3" value=${f.options.join("\n")}
                  aria-invalid=${optionsError ? "true" : undefined}
                  aria-describedby=${`${fieldId(p("options"))}-hint${optionsError ? ` ${fieldId(p("options"))}-error` : ""}`}
                  onInput=${(e: Event) => update(i, { options: (e.currentTarget as HTMLTextAreaElement).value.split("\n") })}></textarea>
                ${optionsError ? html`<p class="field-error" id=${`${fieldId(p("options"))}-error`}>${optionsError}</p>` : null}
              </div>`
            : null}
          <label class="check"><input type="checkbox" checked=${f.required} onChange=${(e: Event) => update(i, { required: (e.currentTarget as HTMLInputElement).checked })} />
            <span>${t("fields.required")}</span></label>
          ${f.id ? html`<p class="hint">${tParts("fields.in_autoreply", { variable: html`<code data-user-text>{{fields.${f.id}}}</code>` })}</p>` : null}
          <div class="row-actions">
            <button type="button" class="secondary small" disabled=${i === 0} onClick=${() => move(i, -1)}>${t("fields.move_up")}<span class="visually-hidden"> ${title}</span></button>
            <button type="button" class="secondary small" disabled=${i === fields.length - 1} onClick=${() => move(i, 1)}>${t("fields.move_down")}<span class="visually-hidden"> ${title}</span></button>
            <button type="button" class="danger small" onClick=${() => remove(i)}>${t("fields.remove")}<span class="visually-hidden"> ${title}</span></button>
          </div>
        </fieldset></li>`;
      })}
    </ol>
    ${fields.length < MAX_FIELDS ? html`<button type="button" class="secondary" onClick=${add}>${t("fields.add")}</button>` : null}
    <p class="visually-hidden" role="status">${said}</p>
  </div>`;
}
