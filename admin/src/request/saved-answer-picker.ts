import { useMemo, useRef, useState } from "preact/hooks";
import { fillSavedAnswer, type SavedAnswerValues } from "@beckon/contract/saved-answers";
import { html } from "../html.ts";
import { Field } from "../ui/field.ts";
import { t } from "../i18n/t.ts";

export type SavedAnswer = { id: number; shortcut: string; body: string };
export type Picker = { answers: SavedAnswer[]; values: SavedAnswerValues };

/** The `/word` the caret is in, if it starts a word: where it starts and what follows the slash. */
export function slashToken(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)\/([a-z0-9-]*)$/i.exec(text.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() } : null;
}

/** Saved answers matching what was typed after `/`: shortcuts that start with it first, then any containing it. */
export function matchAnswers(answers: SavedAnswer[], query: string): SavedAnswer[] {
  const starts = answers.filter((a) => a.shortcut.startsWith(query));
  const within = answers.filter((a) => !a.shortcut.startsWith(query) && (a.shortcut.includes(query) || a.body.toLowerCase().includes(query)));
  return [...starts, ...within].slice(0, 8);
}

type Props = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  picker: Picker;
};

/**
 * A reply box where `/` at the start of a word opens a searchable list of saved answers: arrow keys
 * move, Enter (or a click) puts the filled answer in place of `/word`, Escape closes. The textarea keeps
 * its own textbox role (a textarea may not be a combobox) and points at the listbox with
 * aria-controls and aria-activedescendant, so screen readers follow the highlighted option.
 */
export function SavedAnswerBox(p: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [token, setToken] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const matches = useMemo(() => (token ? matchAnswers(p.picker.answers, token.query) : []), [token?.query, p.picker.answers]);
  // Escape closes the list until what follows the slash changes.
  const open = !!token && dismissed !== `${token.start}:${token.query}` && p.picker.answers.length > 0;
  const listId = `${p.id}-answers`;
  const optionId = (i: number) => `${listId}-${i}`;

  const look = (el: HTMLTextAreaElement) => {
    const next = el.selectionStart === el.selectionEnd ? slashToken(el.value, el.selectionStart) : null;
    if (next?.query !== token?.query || next?.start !== token?.start) setActive(0);
    setToken(next);
    if (!next || `${next.start}:${next.query}` !== dismissed) setDismissed(null);
  };

  const choose = (answer: SavedAnswer) => {
    const el = box.current;
    if (!el || !token) return;
    const filled = fillSavedAnswer(answer.body, p.picker.values);
    const end = token.start + 1 + token.query.length;
    const value = el.value.slice(0, token.start) + filled + el.value.slice(end);
    p.onValue(value);
    setToken(null);
    const caret = token.start + filled.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!matches.length) return;
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if ((e.key === "Enter" || e.key === "Tab") && matches[active]) {
      e.preventDefault();
      choose(matches[active]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setDismissed(`${token!.start}:${token!.query}`);
    }
  };

  return html`<${Field} id=${p.id} label=${p.label} error=${p.error} hint=${p.hint ? `${p.hint} ${t("answers.picker_hint")}` : t("answers.picker_hint")}>
    ${(a11y: Record<string, unknown>) => html`<div class="answer-box">
      <textarea ...${a11y} ref=${box} rows=${3} value=${p.value} aria-autocomplete="list" aria-controls=${open ? listId : undefined}
        aria-activedescendant=${open && matches.length ? optionId(active) : undefined}
        onInput=${(e: Event) => {
          const el = e.currentTarget as HTMLTextAreaElement;
          p.onValue(el.value);
          look(el);
        }}
        onKeyDown=${onKeyDown} onKeyUp=${(e: KeyboardEvent) => (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Home" || e.key === "End") && look(e.currentTarget as HTMLTextAreaElement)}
        onClick=${(e: Event) => look(e.currentTarget as HTMLTextAreaElement)} onBlur=${() => setToken(null)}></textarea>
      ${open
        ? html`<ul class="answer-list" id=${listId} role="listbox" aria-label=${t("answers.list_label")}>
            ${matches.length
              ? matches.map((a, i) => html`<li id=${optionId(i)} role="option" aria-selected=${i === active ? "true" : "false"} class=${i === active ? "active" : ""}
                  onMouseDown=${(e: Event) => e.preventDefault()} onClick=${() => choose(a)}>
                  <span class="answer-shortcut">/${a.shortcut}</span> <span class="answer-preview">${fillSavedAnswer(a.body, p.picker.values)}</span>
                </li>`)
              : html`<li role="option" aria-disabled="true" aria-selected="false" class="muted">${t("answers.none_match", { query: token!.query })}</li>`}
          </ul>`
        : null}
      <p class="visually-hidden" role="status">${open ? t("answers.count", { count: matches.length }) : ""}</p>
    </div>`}
  <//>`;
}
