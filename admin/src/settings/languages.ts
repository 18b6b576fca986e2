// The widget's languages, for the owner's choices.
import { LOCALES } from "@beckon/contract/locales";
import { mark } from "../i18n/t.ts";

export const WIDGET_LOCALES = LOCALES;

/** A language's own name, in its own language ("Deutsch", "العربية"), with the owner's for reference. */
export function languageName(code: string, ownerLocale?: string): string {
  const tag = code === "pt" ? "pt-BR" : code;
  try {
    const own = new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? code;
    const theirs = new Intl.DisplayNames(ownerLocale ? [ownerLocale] : [], { type: "language" }).of(tag) ?? code;
    return mark(own === theirs ? own : `${own} (${theirs})`);
  } catch {
    return mark(code);
  }
}
