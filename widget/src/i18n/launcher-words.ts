// The words the server sends with the config, in the locale it chose: the launcher's, and the channel
// names it has always sent. Read from the same catalogs the panel loads (widget/locales/*.json).
import en from "../../locales/en.json" with { type: "json" };
import es from "../../locales/es.json" with { type: "json" };
import fr from "../../locales/fr.json" with { type: "json" };
import de from "../../locales/de.json" with { type: "json" };
import it from "../../locales/it.json" with { type: "json" };
import pt from "../../locales/pt.json" with { type: "json" };
import nl from "../../locales/nl.json" with { type: "json" };
import pl from "../../locales/pl.json" with { type: "json" };
import tr from "../../locales/tr.json" with { type: "json" };
import ar from "../../locales/ar.json" with { type: "json" };
import he from "../../locales/he.json" with { type: "json" };
import ja from "../../locales/ja.json" with { type: "json" };
import { chooseLocale, isRtl, LOCALES, type Locale, type LocaleHints } from "./locales.ts";

const CATALOGS: Record<Locale, Record<string, string | Record<string, string>>> = { en, es, fr, de, it, pt, nl, pl, tr, ar, he, ja };

/** The loader's words in `locale`: the launcher, its unread count (plural forms) and the "did not load" line. */
export function launcherWords(locale: Locale) {
  const c = CATALOGS[locale];
  return { launcher: c.launcher as string, newAnswers: c.newAnswers as Record<string, string>, loadFailed: c.loadFailed as string };
}

/** A channel's name in `locale` ("Rückruf anfordern"). */
export const channelLabel = (locale: Locale, channel: string) => CATALOGS[locale][`ch.${channel}`] as string;

export { chooseLocale, isRtl, LOCALES, type Locale, type LocaleHints };
