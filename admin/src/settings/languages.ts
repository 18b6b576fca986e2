// The widget's languages, for the owner's choices (the codes of widget/locales/; a test keeps them in step).
import type { Locale } from "../../../widget/src/i18n/locales.ts";

export const WIDGET_LOCALES: readonly Locale[] = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ar", "he", "ja"];

/** A language's own name, in its own language ("Deutsch", "العربية"), with the owner's for reference. */
export function languageName(code: string, ownerLocale?: string): string {
  const tag = code === "pt" ? "pt-BR" : code;
  try {
    const own = new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? code;
    const theirs = new Intl.DisplayNames(ownerLocale ? [ownerLocale] : [], { type: "language" }).of(tag) ?? code;
    return own === theirs ? own : `${own} (${theirs})`;
  } catch {
    return code;
  }
}
