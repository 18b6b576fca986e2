// The languages the widget speaks (one catalog each in widget/locales/), and how one is chosen. Shared by
// the panel, the server (which picks the locale for the config, so the launcher's words arrive with it)
// and the owner app (the site's default and forced language).

/** Every locale with a catalog in widget/locales/ (`pt` is Brazilian Portuguese). */
export const LOCALES = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ar", "he", "ja"] as const;
export type Locale = (typeof LOCALES)[number];

/** The locale we have for a language tag ("de-AT" -> "de", "iw" is not matched), or undefined. */
export function supportedLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === language);
}

export type LocaleHints = {
  /** `Beckon('locale', …)` or `data-lang`. */
  explicit?: string | null | undefined;
  /** The language the owner forces for the site (null: off). */
  forced?: string | null | undefined;
  /** The shopper's `navigator.languages`, then the page's `<html lang>`, in that order. */
  preferred?: readonly (string | null | undefined)[];
  /** The site's default. */
  fallback?: string | null | undefined;
};

/** The locale to show: explicit, then the owner's forced one, the shopper's own languages, the page's, the site default, English. */
export function chooseLocale({ explicit, forced, preferred = [], fallback }: LocaleHints): Locale {
  for (const tag of [explicit, forced, ...preferred, fallback]) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return "en";
}

/** Whether a locale is written right to left. */
export const isRtl = (locale: string) => locale === "ar" || locale === "he";

/**
 * The tag for `Intl` (dates, numbers, plurals, country names): the shopper's own variant of the chosen
 * language when they have one ("en-GB" keeps 14:00), else the locale itself ("pt" is pt-BR).
 */
export function intlTag(locale: string, languages: readonly string[] = []): string {
  return languages.find((tag) => supportedLocale(tag) === locale) ?? (locale === "pt" ? "pt-BR" : locale);
}
