import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage } from "../ui/field.ts";
import { controlFor, unplacedErrors } from "./field-errors.ts";
import type { SettingsUpdate, SettingsView } from "./types.ts";

export type SaveState = {
  errors: Record<string, string>;
  error: string | null;
  success: string | null;
  busy: boolean;
};

/** What every settings section receives from the page. */
export type SectionProps = { api: Api; view: SettingsView; onSaved: (view: SettingsView) => void };

const SAVED = "Saved. Shoppers see the change the next time they load a page with the widget (within a minute).";

/**
 * Saving one section: PUTs its part of the settings, keeps the server's field errors, and after a
 * failed save moves focus to the first invalid control (or the message, if no control shows it).
 */
export function useSectionSave({ api, view, onSaved }: SectionProps) {
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<SaveState>({ errors: {}, error: null, success: null, busy: false });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const root = form.current;
    if (!attempt || !root || (!state.error && !Object.keys(state.errors).length)) return;
    const exists = (id: string) => !!root.querySelector(`#${CSS.escape(id)}`);
    const first = Object.keys(state.errors)
      .map((path) => controlFor(path, exists))
      .filter((id): id is string => !!id)
      .map((id) => root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)!)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    const target = first?.matches("input, select, textarea, button") ? first : (first?.querySelector<HTMLElement>("input, select, textarea") ?? first);
    (target ?? root.querySelector<HTMLElement>(".form-message-slot"))?.focus();
  }, [attempt]);

  async function save(update: SettingsUpdate): Promise<SettingsView | null> {
    setState({ errors: {}, error: null, success: null, busy: true });
    try {
      const next = await api.send<SettingsView>("PUT", `/sites/${encodeURIComponent(view.site.key)}/settings`, update);
      setState({ errors: {}, error: null, success: SAVED, busy: false });
      onSaved(next);
      return next;
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      const message = err instanceof Error ? err.message : String(err);
      const unplaced = form.current ? unplacedErrors(fields, (id) => !!form.current!.querySelector(`#${CSS.escape(id)}`)) : [];
      setState({ errors: fields, error: [message, ...unplaced].join(" "), success: null, busy: false });
      setAttempt((n) => n + 1);
      return null;
    }
  }

  /** Shows errors found before asking the server (same placement and focus as the server's). */
  function reject(fields: Record<string, string>, message = "Please check the highlighted fields.") {
    setState({ errors: fields, error: message, success: null, busy: false });
    setAttempt((n) => n + 1);
  }

  return { form, state, save, reject };
}

type SectionFrameProps = {
  id: string;
  title: string;
  intro?: ComponentChildren;
  form: { current: HTMLFormElement | null };
  state: SaveState;
  onSubmit: () => void;
  children: ComponentChildren;
  /** Things that act on their own (e.g. "Send me a test SMS"), shown after the Save button. */
  extra?: ComponentChildren;
};

/** One settings section: a card with a heading, its own form and Save button, and its answer. */
export function SectionFrame(p: SectionFrameProps) {
  return html`<section class="card settings-section" id=${p.id} aria-labelledby=${`${p.id}-title`}>
    <h2 id=${`${p.id}-title`}>${p.title}</h2>
    ${p.intro ? html`<div class="section-intro">${p.intro}</div>` : null}
    <form ref=${p.form} noValidate onSubmit=${(e: Event) => (e.preventDefault(), p.onSubmit())}>
      ${p.children}
      <div class="form-message-slot" tabindex="-1">
        <${FormMessage} error=${p.state.error} success=${p.state.success} />
      </div>
      <div class="actions">
        <button type="submit" disabled=${p.state.busy}>${p.state.busy ? "Saving…" : "Save"}<span class="visually-hidden"> ${p.title}</span></button>
        ${p.extra}
      </div>
    </form>
  </section>`;
}
