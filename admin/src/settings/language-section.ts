import { html } from "../html.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { languageName, WIDGET_LOCALES } from "./languages.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";

/**
 * "Language": which language the widget speaks when nothing better is known (the site default), or always
 * (forced), and whether the launcher keeps its corner in right-to-left languages.
 */
export function LanguageSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("language");
  const s = props.view.settings;
  const [d, setD] = draft("choice", { defaultLocale: s.defaultLocale, forceLocale: s.forceLocale, pinPosition: s.pinPosition });
  contribute(() => ({ settings: d }));
  const err = (path: string) => errorAt(state.errors, path);
  const options = (selected: string) =>
    WIDGET_LOCALES.map((code) => html`<option value=${code} selected=${code === selected}>${languageName(code, navigator.language)}</option>`);

  return html`<${SectionFrame} id="language" title="Language"
    intro="The widget speaks the shopper's own language when it has it (12 languages). A page can ask for one with data-lang.">
    <div class="field">
      <label for=${fieldId("defaultLocale")}>Default language</label>
      <p class="hint">Used when neither the page nor the shopper's browser names a language the widget has.</p>
      <select id=${fieldId("defaultLocale")} value=${d.defaultLocale}
        onChange=${(e: Event) => setD({ ...d, defaultLocale: (e.currentTarget as HTMLSelectElement).value as typeof d.defaultLocale })}>
        ${options(d.defaultLocale)}
      </select>
      ${err("defaultLocale") ? html`<p class="field-error">${err("defaultLocale")}</p>` : null}
    </div>
    <div class="field">
      <label for=${fieldId("forceLocale")}>Always use</label>
      <p class="hint">Off: each shopper gets their own language. On: every shopper sees this one (a page's data-lang still wins).</p>
      <select id=${fieldId("forceLocale")} value=${d.forceLocale ?? ""}
        onChange=${(e: Event) => setD({ ...d, forceLocale: ((e.currentTarget as HTMLSelectElement).value || null) as typeof d.forceLocale })}>
        <option value="" selected=${!d.forceLocale}>Off (the shopper's language)</option>
        ${options(d.forceLocale ?? "")}
      </select>
      ${err("forceLocale") ? html`<p class="field-error">${err("forceLocale")}</p>` : null}
    </div>
    <label class="check"><input type="checkbox" id=${fieldId("pinPosition")} checked=${d.pinPosition}
      onChange=${(e: Event) => setD({ ...d, pinPosition: (e.currentTarget as HTMLInputElement).checked })} />
      <span>Keep the launcher in its corner in Arabic and Hebrew<span class="check-hint">Otherwise right-to-left languages show it in the other corner, where their readers look for it.</span></span></label>
  <//>`;
}
