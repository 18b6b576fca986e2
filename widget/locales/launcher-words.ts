// The words the server sends with the config (`@beckon/widget/locales`), in the locale it chose: the
// launcher's, and the channel names it has always sent. Read from the same catalogs the panel loads.
import en from "./en.json" with { type: "json" };
import es from "./es.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };
import de from "./de.json" with { type: "json" };
import it from "./it.json" with { type: "json" };
import pt from "./pt.json" with { type: "json" };
import nl from "./nl.json" with { type: "json" };
import pl from "./pl.json" with { type: "json" };
import tr from "./tr.json" with { type: "json" };
import ar from "./ar.json" with { type: "json" };
import he from "./he.json" with { type: "json" };
import ja from "./ja.json" with { type: "json" };
import type { Locale } from "@beckon/contract/locales";

const CATALOGS: Record<Locale, Record<string, string | Record<string, string>>> = { en, es, fr, de, it, pt, nl, pl, tr, ar, he, ja };

/** The loader's words in `locale`: the launcher, its unread count (plural forms) and the "did not load" line. */
export function launcherWords(locale: Locale) {
  const c = CATALOGS[locale];
  return { launcher: c.launcher as string, newAnswers: c.newAnswers as Record<string, string>, loadFailed: c.loadFailed as string };
}

/** A channel's name in `locale` ("Rückruf anfordern"). */
export const channelLabel = (locale: Locale, channel: string) => CATALOGS[locale][`ch.${channel}`] as string;

