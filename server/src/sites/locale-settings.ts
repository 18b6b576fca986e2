// What shoppers read in their own language. The site has a default language; the owner's own words
// (greeting, privacy and consent lines, auto-reply) can be written per language, and anything not
// written for a language falls back to the site's default text. A default text the owner never changed
// is Beckon's own, which every language has (i18n/locales/*.json).
import { z } from "zod";
import { raw, t, type CatalogKey } from "../i18n/catalog.ts";
import { LOCALES, resolveLocale, type Locale } from "../i18n/locales.ts";
import { CONSENT_CHANNELS, DEFAULT_CONSENT_TEXT, DEFAULT_PRIVACY_LINE, type ConsentChannel } from "./consent-settings.ts";

// An empty field means "not written for this language": it falls back.
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** The owner's words for one language; each one optional. */
export const localizedTextsSchema = z.object({
  greeting: optionalText(200),
  privacyLine: optionalText(300),
  consent: z.object({ callback: optionalText(300), message: optionalText(300), chat: optionalText(300) }).partial().optional(),
  autoReply: z.object({ subject: optionalText(150), body: optionalText(4000) }).partial().optional(),
});
export type LocalizedTexts = z.infer<typeof localizedTextsSchema>;

/** The settings' language part. */
export const localeSettings = {
  /** The owner's texts per language (`translations.de.greeting`); missing ones fall back to the main texts. */
  translations: z.partialRecord(z.enum(LOCALES), localizedTextsSchema).default({}),
};

/** The built-in English texts an owner may replace, with the catalog key of each in every language. */
export const BUILT_IN = {
  greeting: { en: "Hi! How can we help?", key: "widget.greeting" },
  launcherLabel: { en: "Contact us", key: "widget.launcher" },
  privacyLine: { en: DEFAULT_PRIVACY_LINE, key: "widget.privacy" },
} as const satisfies Record<string, { en: string; key: CatalogKey }>;
const consentKey: Record<ConsentChannel, CatalogKey> = { callback: "widget.consent_callback", message: "widget.consent_message", chat: "widget.consent_chat" };

type Texted = {
  greeting: string;
  launcherLabel: string;
  privacyLine: string;
  consent: Record<ConsentChannel, { required: boolean; text: string }>;
  autoReply: { enabled: boolean; subject: string; body: string };
  defaultLocale: Locale;
  translations: Partial<Record<Locale, LocalizedTexts>>;
};

/** The locale for a shopper: theirs when we speak it, else the site's default. */
export function shopperLocale(settings: Pick<Texted, "defaultLocale">, requested: unknown): Locale {
  return resolveLocale(requested, settings.defaultLocale);
}

/**
 * The owner's texts as a shopper in `locale` reads them: what the owner wrote for that language; else the
 * site's main text; and where that is still Beckon's English default, Beckon's own words in `locale`.
 */
export function shopperWords<S extends Texted>(settings: S, locale: Locale) {
  const own = settings.translations[locale] ?? {};
  const pick = (written: string | undefined, main: string, builtIn: string, key: CatalogKey, template = false) =>
    written?.trim() ? written : main === builtIn ? (template ? raw(locale, key) : t(locale, key)) : main;
  const consent = Object.fromEntries(
    CONSENT_CHANNELS.map((ch) => [ch, { ...settings.consent[ch], text: pick(own.consent?.[ch], settings.consent[ch].text, DEFAULT_CONSENT_TEXT[ch], consentKey[ch]) }]),
  ) as Record<ConsentChannel, { required: boolean; text: string }>;
  return {
    locale,
    greeting: pick(own.greeting, settings.greeting, BUILT_IN.greeting.en, BUILT_IN.greeting.key),
    launcherLabel: pick(undefined, settings.launcherLabel, BUILT_IN.launcherLabel.en, BUILT_IN.launcherLabel.key),
    privacyLine: pick(own.privacyLine, settings.privacyLine, BUILT_IN.privacyLine.en, BUILT_IN.privacyLine.key),
    consent,
    autoReply: {
      enabled: settings.autoReply.enabled,
      subject: pick(own.autoReply?.subject, settings.autoReply.subject, raw("en", "autoreply.subject"), "autoreply.subject", true),
      body: pick(own.autoReply?.body, settings.autoReply.body, raw("en", "autoreply.body"), "autoreply.body", true),
    },
  };
}
