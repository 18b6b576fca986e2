// The widget's languages, for the owner's choices.
import { LOCALES } from "@beckon/contract/locales";
import { t } from "../i18n/t.ts";
import { formatLanguage, formatLanguageOwn } from "../ui/format.ts";

export const WIDGET_LOCALES = LOCALES;

/** A language's own name, in its own language ("Deutsch", "العربية"), with the owner's for reference. */
export function languageName(code: string, ownerLocale?: string): string {
  const tag = code === "pt" ? "pt-BR" : code;
  const own = formatLanguageOwn(tag);
  const theirs = formatLanguage(tag, ownerLocale);
  return own === theirs ? own : t("language.name_both", { first: own, second: theirs });
}
