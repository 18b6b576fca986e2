import { html } from "../html.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { languageName, WIDGET_LOCALES } from "./languages.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { ownerLocale, t } from "../i18n/t.ts";

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
    WIDGET_LOCALES.map((code) => html`<option value=${code} selected=${code === selected}>${languageName(code, ownerLocale())}</option>`);

  return html`<${SectionFrame} id="language" title=${t("settings.section.language")}
    intro=${t("language.intro")}>
    <div class="field">
      <label for=${fieldId("defaultLocale")}>${t("language.default")}</label>
      <p class="hint">${t("language.default_hint")}</p>
      <select id=${fieldId("defaultLocale")} value=${d.defaultLocale}
        onChange=${(e: Event) => setD({ ...d, defaultLocale: (e.currentTarget as HTMLSelectElement).value as typeof d.defaultLocale })}>
        ${options(d.defaultLocale)}
      </select>
      ${err("defaultLocale") ? html`<p class="field-error">${err("defaultLocale")}</p>` : null}
    </div>
    <div class="field">
      <label for=${fieldId("forceLocale")}>${t("language.always")}</label>
      <p class="hint">${t("language.always_hint")}</p>
      <select id=${fieldId("forceLocale")} value=${d.forceLocale ?? ""}
        onChange=${(e: Event) => setD({ ...d, forceLocale: ((e.currentTarget as HTMLSelectElement).value || null) as typeof d.forceLocale })}>
        <option value="" selected=${!d.forceLocale}>${t("language.off")}</option>
        ${options(d.forceLocale ?? "")}
      </select>
      ${err("forceLocale") ? html`<p class="field-error">${err("forceLocale")}</p>` : null}
    </div>
    <label class="check"><input type="checkbox" id=${fieldId("pinPosition")} checked=${d.pinPosition}
      onChange=${(e: Event) => setD({ ...d, pinPosition: (e.currentTarget as HTMLInputElement).checked })} />
      <span>${t("language.pin")}<span class="check-hint">${t("language.pin_hint")}</span></span></label>
  <//>`;
}
