import { chooseLocale, isRtl } from "@beckon/contract/locales";
import { channelLabel, launcherWords } from "@beckon/widget/locales";
import { siteSettingsSchema } from "./site-settings.ts";
import type { Site } from "./sites.ts";
import { textOnAccent, darkFocus } from "@beckon/contract/contrast";
import { callbackSlots, isOpen, nextOpening } from "./availability.ts";
import { shopperWords } from "./locale-settings.ts";
import { replyTimeText, type ReplyTimeFigure } from "../customers/reply-stats.ts";
import { trustLines } from "../customers/trust-lines.ts";

const DEFAULT_LAUNCHER_LABEL = siteSettingsSchema.shape.launcherLabel.parse(undefined);

/** What the loader tells about the shopper's language: `Beckon('locale')`/`data-lang`, then `navigator.languages` and `<html lang>`. */
export type LocaleQuery = { lang?: string | undefined; prefer?: string | undefined };

/**
 * The public configuration the widget reads on load: nothing private (no owner phone, no origins).
 * Times are instants and the hours are data: the widget writes them in the shopper's language and zone.
 * The owner's texts come in the chosen locale (their words for it, else the site's, else Beckon's own).
 */
export function widgetConfig(site: Site, now: Date, photoUrl: string | null, chatLive = false, hints: LocaleQuery = {}, replyTime: ReplyTimeFigure | null = null) {
  const s = site.settings;
  const locale = chooseLocale({ explicit: hints.lang, forced: s.forceLocale, preferred: (hints.prefer ?? "").split(",").slice(0, 12), fallback: s.defaultLocale });
  const launcher = launcherWords(locale);
  const words = shopperWords(s, locale);
  const openNow = isOpen(s, now);
  const away = s.awayUntil !== null && new Date(s.awayUntil) > now;
  return {
    site: site.key,
    /** The language chosen for this shopper (README "Languages"), and the launcher's words in it. */
    locale,
    words: { newAnswers: launcher.newAnswers, loadFailed: launcher.loadFailed },
    name: site.name,
    // The owner's own label as written (per language if they wrote one); the default one in the shopper's language.
    launcherLabel: s.launcherLabel === DEFAULT_LAUNCHER_LABEL && words.launcherLabel === DEFAULT_LAUNCHER_LABEL ? launcher.launcher : words.launcherLabel,
    greeting: words.greeting,
    owner: s.ownerFirstName || photoUrl || s.trustLine ? { firstName: s.ownerFirstName, photoUrl, trustLine: s.trustLine } : null,
    accent: s.accent,
    /** The text colour on the accent (light or dark, whichever reads better). */
    onAccent: textOnAccent(s.accent).color,
    // Right-to-left languages mirror the corner, unless the owner pinned it.
    /** The panel's colours (dark mode) and the accent's partner on the dark panel. */
    theme: { scheme: s.colorScheme, darkFocus: darkFocus(s.accent) },
    position: isRtl(locale) && !s.pinPosition ? (s.position === "left" ? "right" : "left") : s.position,
    /** The site's phone country: the call-back form's default when the shopper's languages name no region. */
    country: s.phoneCountry,
    channels: s.channels.map((id) => ({ id, label: channelLabel(locale, id) })),
    availability: {
      openNow,
      nextOpenAt: openNow ? null : (nextOpening(s, now)?.toISOString() ?? null),
      awayUntil: away ? s.awayUntil : null,
      awayMessage: away ? s.awayMessage : null,
      /** Someone has the inbox open right now, inside business hours: chat answers come live. */
      chatLive,
      /** The weekly opening hours as data: wall-clock intervals per weekday in the site's `timeZone`. */
      timeZone: s.timezone,
      hours: s.hours,
    },
    /** Each channel's own consent; a channel that needs no tick shows `privacy` only. */
    consent: { privacy: words.privacyLine, ...words.consent },
    callback: { slots: callbackSlots(s, now).map((d) => d.toISOString()) },
    message: { fields: s.messageFields, replyWithinHours: s.replyWithinHours },
    /** The owner's trust items and a reply time from real answers (issue #12). */
    trust: trustLines(s, replyTime && replyTimeText(replyTime, locale)),
  };
}

export type WidgetConfig = ReturnType<typeof widgetConfig>;
