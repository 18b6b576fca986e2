import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { SettingsContext } from "./page-state.ts";
import type { SettingsView } from "./types.ts";

/** What every settings section receives from the page. */
export type SectionProps = { api: Api; view: SettingsView; onSaved: (view: SettingsView) => void };

type SectionFrameProps = {
  id: string;
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  /** Things that act on their own (e.g. "Send me a test SMS"). */
  extra?: ComponentChildren;
};

/**
 * One settings section: a card with a heading and its controls. Edits join the page's one state
 * and are saved together from the "Unsaved changes" bar; Enter in a field saves too.
 */
export function SectionFrame(p: SectionFrameProps) {
  const store = useContext(SettingsContext)!;
  return html`<section class="card settings-section" id=${p.id} aria-labelledby=${`${p.id}-title`}>
    <h2 id=${`${p.id}-title`}>${p.title}</h2>
    ${p.intro ? html`<div class="section-intro">${p.intro}</div>` : null}
    <form noValidate onSubmit=${(e: Event) => (e.preventDefault(), store.readOnly || store.save())}>
      ${p.children}
      ${p.extra ? html`<div class="actions">${p.extra}</div>` : null}
    </form>
  </section>`;
}
