import type { ChannelId } from "./site-settings.ts";
import type { Site } from "./sites.ts";
import { textOnAccent } from "@beckon/contract/contrast";
import { callbackSlots, isOpen, nextOpening } from "./availability.ts";

const channelLabels: Record<ChannelId, string> = { callback: "Call me back", message: "Send a message", chat: "Chat with us" };

/** The public configuration the widget reads on load: nothing private (no owner phone, no origins). */
export function widgetConfig(site: Site, now: Date, photoUrl: string | null, chatLive = false) {
  const s = site.settings;
  const openNow = isOpen(s, now);
  const away = s.awayUntil !== null && new Date(s.awayUntil) > now;
  return {
    site: site.key,
    name: site.name,
    launcherLabel: s.launcherLabel,
    greeting: s.greeting,
    owner: s.ownerFirstName || photoUrl || s.trustLine ? { firstName: s.ownerFirstName, photoUrl, trustLine: s.trustLine } : null,
    accent: s.accent,
    /** The text colour on the accent (light or dark, whichever reads better). */
    onAccent: textOnAccent(s.accent).color,
    position: s.position,
    channels: s.channels.map((id) => ({ id, label: channelLabels[id] })),
    availability: {
      openNow,
      nextOpenAt: openNow ? null : (nextOpening(s, now)?.toISOString() ?? null),
      awayUntil: away ? s.awayUntil : null,
      awayMessage: away ? s.awayMessage : null,
      /** Someone has the inbox open right now, inside business hours: chat answers come live. */
      chatLive,
    },
    /** Each channel's own consent; a channel that needs no tick shows `privacy` only. */
    consent: { privacy: s.privacyLine, ...s.consent },
    callback: { slots: callbackSlots(s, now).map((d) => d.toISOString()) },
    message: { fields: s.messageFields, replyWithinHours: s.replyWithinHours },
  };
}

export type WidgetConfig = ReturnType<typeof widgetConfig>;
