import { useState } from "preact/hooks";
import type { ShopperLocale as Locale } from "@beckon/contract/settings";
import { html } from "../html.ts";
import { Field, TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import type { SiteSettings } from "./types.ts";
import { t } from "../i18n/t.ts";
import { formatLanguage, formatLanguageOwn } from "../ui/format.ts";

/** The languages Beckon speaks to shoppers (the server's and the widget's catalogs). */
export const LOCALES = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ar", "he", "ja"] as const satisfies readonly Locale[];

type Texts = NonNullable<SiteSettings["translations"][Locale]>;
type Translations = SiteSettings["translations"];

/** A language's name in the owner's own language ("German", "Deutsch"), and in its own ("Deutsch"). */
function languageName(code: string): string {
  const own = formatLanguageOwn(code);
  const yours = formatLanguage(code === "pt" ? "pt-BR" : code);
  return yours !== own ? t("language.name_both", { first: yours, second: own }) : yours;
}

/** The texts with every empty field left out: an empty field falls back to the main text. */
export function withoutEmpty(all: Translations): Translations {
  const out: Translations = {};
  for (const [locale, texts] of Object.entries(all) as [Locale, Texts][]) {
    const consent = Object.fromEntries(Object.entries(texts.consent ?? {}).filter(([, v]) => v?.trim()));
    const autoReply = Object.fromEntries(Object.entries(texts.autoReply ?? {}).filter(([, v]) => v?.trim()));
    const kept: Texts = {
      ...(texts.greeting?.trim() && { greeting: texts.greeting }),
      ...(texts.privacyLine?.trim() && { privacyLine: texts.privacyLine }),
      ...(Object.keys(consent).length && { consent }),
      ...(Object.keys(autoReply).length && { autoReply }),
    };
    if (Object.keys(kept).length) out[locale] = kept;
  }
  return out;
}

const FIELDS = (
  [
    { path: "greeting", rows: 2 },
    { path: "privacyLine", rows: 2 },
    { path: "consent.callback", rows: 2 },
    { path: "consent.message", rows: 2 },
    { path: "consent.chat", rows: 2 },
    { path: "autoReply.subject", rows: 1 },
    { path: "autoReply.body", rows: 8 },
  ] as const
).map((f) => ({ ...f, label: t(`languages.${f.path}`) }));

const read = (texts: Texts | undefined, path: string) => path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], texts) as string | undefined;
const write = (texts: Texts, path: string, value: string): Texts => {
  const [a, b] = path.split(".") as [keyof Texts, string | undefined];
  return b ? { ...texts, [a]: { ...(texts[a] as object | undefined), [b]: value } } : { ...texts, [a]: value };
};

/**
 * "Texts per language": the owner's own words per language. A field left empty falls back to the main
 * text (and where that is still Beckon's default, Beckon's own words in the shopper's language). The
 * site's own language (`defaultLocale`) is chosen in the widget's language settings.
 */
export function LanguagesSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("languages");
  const s = props.view.settings;
  const [translations, setTranslations] = draft("translations", s.translations);
  const [editing, setEditing] = useState<Locale>(LOCALES.find((l) => l !== s.defaultLocale) ?? "en");
  contribute(() => ({ settings: { translations: withoutEmpty(translations) } }));
  const texts = translations[editing] ?? {};
  const main = (path: string) => read(s as unknown as Texts, path === "privacyLine" ? "privacyLine" : path.startsWith("consent.") ? `${path}.text` : path);

  return html`<${SectionFrame} id="languages" title=${t("settings.section.languages")}
    intro=${html`<p class="muted">${t("languages.intro")}</p>`}>
    <${Field} id="s-languages-editing" label=${t("languages.editing")} hint=${t("languages.editing_hint")}>
      ${(a11y: object) => html`<select ...${a11y} value=${editing} onChange=${(e: Event) => setEditing((e.currentTarget as HTMLSelectElement).value as Locale)}>
        ${LOCALES.map((l) => html`<option value=${l}>${languageName(l)}${translations[l] ? " ✓" : ""}</option>`)}
      </select>`}
    <//>
    <div lang=${editing} dir=${editing === "ar" || editing === "he" ? "rtl" : "ltr"}>
      ${FIELDS.map((f) => {
        const path = `translations.${editing}.${f.path}`;
        return html`<${TextField} id=${fieldId(path)} label=${f.label} multiline=${f.rows > 1} rows=${f.rows}
          value=${read(texts, f.path) ?? ""} placeholder=${main(f.path) ?? ""} ownPlaceholder error=${errorAt(state.errors, path)}
          onValue=${(v: string) => setTranslations((all) => ({ ...all, [editing]: write(all[editing] ?? {}, f.path, v) }))} />`;
      })}
    </div>
  <//>`;
}
