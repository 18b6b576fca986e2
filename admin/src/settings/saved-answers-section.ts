import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { t } from "../i18n/t.ts";
import type { SavedAnswer } from "../request/saved-answer-picker.ts";

type Draft = { id: number | null; shortcut: string; body: string };
const EMPTY: Draft = { id: null, shortcut: "", body: "" };

/**
 * The site's saved answers: add, change, delete. Owners and members alike (they answer with them), so
 * it saves on its own, outside the settings page's shared save bar and read-only lock.
 */
export function SavedAnswersSection({ api, siteKey }: { api: Api; siteKey: string }) {
  const base = `/sites/${encodeURIComponent(siteKey)}/saved-answers`;
  const [answers, setAnswers] = useState<SavedAnswer[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);
  const load = () => api.get<{ answers: SavedAnswer[] }>(base).then((r) => setAnswers(r.answers), (err: Error) => setMessage({ error: err.message }));
  useEffect(() => void load(), [base]);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFields({});
    setMessage({});
    try {
      const body = { shortcut: draft.shortcut, body: draft.body };
      if (draft.id === null) await api.send("POST", base, body);
      else await api.send("PATCH", `${base}/${draft.id}`, body);
      setDraft(EMPTY);
      await load();
      setMessage({ success: t("answers.saved") });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setFields(err.fields);
        document.getElementById(err.fields.shortcut ? "answer-shortcut" : "answer-body")?.focus();
      } else setMessage({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: SavedAnswer) => {
    if (!confirm(t("answers.confirm_delete", { shortcut: a.shortcut }))) return;
    setMessage({});
    try {
      await api.send("DELETE", `${base}/${a.id}`);
      await load();
      setMessage({ success: t("answers.deleted", { shortcut: a.shortcut }) });
    } catch (err) {
      setMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  const edit = (a: SavedAnswer) => {
    setDraft({ id: a.id, shortcut: a.shortcut, body: a.body });
    setFields({});
    document.getElementById("answer-shortcut")?.focus();
  };

  return html`<section class="card settings-section" id="saved-answers" aria-labelledby="saved-answers-title">
    <h2 id="saved-answers-title">${t("settings.section.saved_answers")}</h2>
    <div class="section-intro"><p>${t("answers.intro")}</p><p class="hint">${t("answers.placeholders")}</p></div>
    <${FormMessage} error=${message.error} success=${message.success} />
    ${answers === null
      ? html`<p role="status">${t("common.loading")}</p>`
      : answers.length
        ? html`<ul class="saved-answers">
            ${answers.map(
              (a) => html`<li><span class="answer-shortcut">/${a.shortcut}</span> <span class="answer-preview">${a.body}</span>
                <button type="button" class="link-button" onClick=${() => edit(a)}>${t("answers.edit")}<span class="visually-hidden"> /${a.shortcut}</span></button>
                <button type="button" class="link-button" onClick=${() => remove(a)}>${t("answers.delete")}<span class="visually-hidden"> /${a.shortcut}</span></button></li>`,
            )}
          </ul>`
        : html`<p class="muted">${t("answers.none")}</p>`}
    <form noValidate onSubmit=${save} aria-labelledby="answer-form-title">
      <h3 id="answer-form-title">${draft.id === null ? t("answers.add_title") : t("answers.edit_title", { shortcut: draft.shortcut })}</h3>
      <${TextField} id="answer-shortcut" label=${t("answers.shortcut")} hint=${t("answers.shortcut_hint")} value=${draft.shortcut} error=${fields.shortcut}
        onValue=${(shortcut: string) => setDraft((d) => ({ ...d, shortcut }))} />
      <${TextField} id="answer-body" label=${t("answers.body")} value=${draft.body} error=${fields.body} multiline rows=${4}
        onValue=${(body: string) => setDraft((d) => ({ ...d, body }))} />
      <div class="actions">
        <button type="submit" disabled=${busy}>${draft.id === null ? t("answers.add") : t("answers.save")}</button>
        ${draft.id === null ? null : html`<button type="button" class="secondary" onClick=${() => (setDraft(EMPTY), setFields({}))}>${t("answers.cancel")}</button>`}
      </div>
    </form>
  </section>`;
}
