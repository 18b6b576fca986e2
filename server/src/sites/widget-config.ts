import type { ChannelId } from "./site-settings.ts";
import type { Site } from "./sites.ts";
import { textOnAccent } from "@beckon/contract/contrast";
import { callbackSlots, isOpen, nextOpening } from "./availability.ts";
import { t, type CatalogKey } from "../i18n/catalog.ts";
import type { Locale } from "../i18n/locales.ts";
import { shopperWords } from "./locale-settings.ts";

const channelLabels: Record<ChannelId, CatalogKey> = { callback: "widget.channel_callback", message: "widget.channel_message", chat: "widget.channel_chat" };

/**
 * The public configuration the widget reads on load: nothing private (no owner phone, no origins). The
 * owner's texts come in `locale` (their words for it, else the site's, else Beckon's own in it).
 */
export function widgetConfig(site: Site, now: Date, photoUrl: string | null, chatLive = false, locale: Locale = site.settings.defaultLocale) {
  const s = site.settings;
  const words = shopperWords(s, locale);
  const openNow = isOpen(s, now);
  const away = s.awayUntil !== null && new Date(s.awayUntil) > now;
  return {
    site: site.key,
    name: site.name,
    launcherLabel: words.launcherLabel,
    greeting: words.greeting,
    owner: s.ownerFirstName || photoUrl || s.trustLine ? { firstName: s.ownerFirstName, photoUrl, trustLine: s.trustLine } : null,
    accent: s.accent,
    /** The text colour on the accent (light or dark, whichever reads better). */
    onAccent: textOnAccent(s.accent).color,
    position: s.position,
    channels: s.channels.map((id) => ({ id, label: t(locale, channelLabels[id]) })),
    availability: {
      openNow,
      nextOpenAt: openNow ? null : (nextOpening(s, now)?.toISOString() ?? null),
      awayUntil: away ? s.awayUntil : null,
      awayMessage: away ? s.awayMessage : null,
      /** Someone has the inbox open right now, inside business hours: chat answers come live. */
      chatLive,
    },
    /** Each channel's own consent; a channel that needs no tick shows `privacy` only. */
    consent: { privacy: words.privacyLine, ...words.consent },
    callback: { slots: callbackSlots(s, now).map((d) => d.toISOString()) },
    message: { fields: s.messageFields, replyWithinHours: s.replyWithinHours },
  };
}

export type WidgetConfig = ReturnType<typeof widgetConfig>;
