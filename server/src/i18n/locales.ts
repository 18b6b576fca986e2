// The shopper's language: one of the locales the widget and the server both speak, never anything else.

import { LOCALES, type Locale } from "@beckon/contract/locales";

/** Every locale with a widget catalog and a server catalog (one list, in the contract). */
export { LOCALES, type Locale };

const known = new Set<string>(LOCALES);

/** Whether `code` is one of ours (exactly, e.g. "de"; not "de-DE"). */
export function isLocale(code: unknown): code is Locale {
  return typeof code === "string" && known.has(code);
}

/**
 * The locale to speak to a shopper in: the one their widget sent when we have it, else the site's
 * default, else English. "de-DE" reads as "de"; an unknown one ("ru") falls back.
 */
export function resolveLocale(requested: unknown, siteDefault?: unknown): Locale {
  for (const code of [requested, siteDefault]) {
    if (typeof code !== "string") continue;
    const base = code.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

/** The BCP 47 tag `Intl` gets for a locale: Portuguese is Brazilian Portuguese. */
export function intlTag(locale: Locale): string {
  return locale === "pt" ? "pt-BR" : locale;
}

/** Right-to-left scripts, for `dir` on pages we render. */
export function isRtl(locale: Locale): boolean {
  return locale === "ar" || locale === "he";
}

/** Reads `locale` from a submission body leniently (before validation), for its error messages. */
export function bodyLocale(input: unknown): unknown {
  return typeof input === "object" && input !== null && "locale" in input ? (input as { locale: unknown }).locale : undefined;
}
