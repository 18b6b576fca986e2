// The site's public configuration, checked once at the edge: the loader and the panel trust what this returns.

import type { Availability, ChannelConsent, Consent, LauncherWords, MessageField, WidgetConfig as SentConfig } from "@beckon/contract/config";
import { isFieldId } from "@beckon/contract/fields";

export type { Availability, ChannelConsent, Consent, LauncherWords, MessageField };
export type Channel = { id: string; label: string };
export type Owner = { firstName: string; photoUrl: string; trustLine: string };

/** The config as the server sends it (@beckon/contract), once checked: owner texts never null, `onAccent` optional. */
export type WidgetConfig = Omit<SentConfig, "owner" | "onAccent" | "channels" | "theme"> & {
  owner: Owner | null;
  onAccent?: string;
  channels: Channel[];
  /** Passed on unchecked (an older server sends none): only the panel reads it (panel/scheme.ts). */
  theme?: Partial<SentConfig["theme"]>;
};

/** Channels this build can show, with their default labels. Others the server may list are skipped. */
export const CHANNELS: Record<string, string> = { callback: "Call me back", message: "Send a message", chat: "Chat with us" };

type Loose = { [key: string]: any };

const text = (value: unknown) => (typeof value === "string" ? value : "");
const texts = (list: unknown): string[] => (Array.isArray(list) ? list.filter((t) => typeof t == "string" && t) : []);
const dates = (list: unknown): string[] => (Array.isArray(list) ? list.filter((d) => typeof d == "string" && !isNaN(Date.parse(d))) : []);

/** A well-formed extra field, or null. Ids become form control ids, so they are held to the server's own pattern. */
function messageField(f: Loose | null): MessageField | null {
  const options = texts(f?.options);
  if (!isFieldId(f?.id) || !text(f!.label) || !/^(text|choice|checkbox)$/.test(f!.type) || (f!.type == "choice" && !options.length))
    return null;
  return { id: f!.id, label: f!.label, type: f!.type, options, required: f!.required === true };
}

const channelConsent = (c: Loose | undefined): ChannelConsent => ({ required: c?.required === true && !!text(c.text), text: text(c?.text) });

/** The config the widget can render, or null when there is nothing to offer (bad shape, no known channel). */
export function parseConfig(raw: unknown): WidgetConfig | null {
  const c = (raw ?? {}) as Loose;
  const channels: Channel[] = (Array.isArray(c.channels) ? c.channels : [])
    .filter((ch: Loose | null) => CHANNELS.hasOwnProperty(ch?.id))
    .map((ch: Loose) => ({ id: ch.id, label: text(ch.label) || CHANNELS[ch.id]! }));
  if (typeof c.site !== "string" || !channels.length) return null;
  const a: Loose = c.availability ?? {};
  const o: Loose | null = c.owner;
  const hours = c.message?.replyWithinHours;
  return {
    site: c.site,
    locale: /^[a-z]{2}$/.test(c.locale) ? c.locale : "en",
    country: /^[A-Z]{2}$/.test(c.country) ? c.country : "US",
    words: c.words ?? {},
    trust: texts(c.trust),
    name: text(c.name),
    launcherLabel: text(c.launcherLabel) || "Contact us",
    greeting: text(c.greeting),
    owner: o
      ? { firstName: text(o.firstName), photoUrl: /^https?:\/\//.test(o.photoUrl) ? o.photoUrl : "", trustLine: text(o.trustLine) }
      : null,
    accent: /^#[\da-f]{6}$/i.test(c.accent) ? c.accent : "#1f6f5c",
    position: c.position === "left" ? "left" : "right",
    // Only the panel reads it, and checks it there (panel/scheme.ts): no loader bytes spent on it.
    theme: c.theme,
    channels,
    availability: {
      openNow: a.openNow === true,
      nextOpenAt: dates([a.nextOpenAt])[0] ?? null,
      awayUntil: dates([a.awayUntil])[0] ?? null,
      awayMessage: text(a.awayMessage) || null,
      chatLive: a.chatLive === true,
    },
    consent: {
      privacy: text(c.consent?.privacy),
      callback: channelConsent(c.consent?.callback),
      message: channelConsent(c.consent?.message),
      chat: channelConsent(c.consent?.chat),
    },
    callback: { slots: dates(c.callback?.slots) },
    message: {
      fields: (Array.isArray(c.message?.fields) ? c.message.fields : []).map(messageField).filter(Boolean),
      replyWithinHours: Number.isInteger(hours) && hours > 0 ? hours : 0,
    },
  };
}
