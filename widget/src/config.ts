// The site's public configuration, checked once at the edge: the UI trusts what this returns.

export type Availability = { openNow: boolean; nextOpenAt: string | null; awayUntil: string | null; awayMessage: string | null };
export type Channel = { id: string; label: string };

export type WidgetConfig = {
  site: string;
  name: string;
  launcherLabel: string;
  greeting: string;
  accent: string;
  position: "left" | "right";
  channels: Channel[];
  availability: Availability;
  consent: { text: string; required: boolean };
  callback: { slots: string[] };
};

/** Channels this build can show. The server may list more ("message", "chat"); those are skipped. */
export const CHANNELS: Record<string, string> = { callback: "Call me back" };

type Loose = { [key: string]: any };

const text = (value: unknown) => (typeof value === "string" ? value : "");
const dates = (list: unknown): string[] => (Array.isArray(list) ? list.filter((d) => typeof d == "string" && !isNaN(Date.parse(d))) : []);

/** The config the widget can render, or null when there is nothing to offer (bad shape, no known channel). */
export function parseConfig(raw: unknown): WidgetConfig | null {
  const c = (raw ?? {}) as Loose;
  const channels: Channel[] = (Array.isArray(c.channels) ? c.channels : [])
    .filter((ch: Loose | null) => CHANNELS.hasOwnProperty(ch?.id))
    .map((ch: Loose) => ({ id: ch.id, label: text(ch.label) || CHANNELS[ch.id]! }));
  if (typeof c.site !== "string" || !channels.length) return null;
  const a: Loose = c.availability ?? {};
  return {
    site: c.site,
    name: text(c.name),
    launcherLabel: text(c.launcherLabel) || "Contact us",
    greeting: text(c.greeting),
    accent: /^#[\da-f]{6}$/i.test(c.accent) ? c.accent : "#1f6f5c",
    position: c.position === "left" ? "left" : "right",
    channels,
    availability: {
      openNow: a.openNow === true,
      nextOpenAt: dates([a.nextOpenAt])[0] ?? null,
      awayUntil: dates([a.awayUntil])[0] ?? null,
      awayMessage: text(a.awayMessage) || null,
    },
    consent: { text: text(c.consent?.text), required: c.consent?.required === true },
    callback: { slots: dates(c.callback?.slots) },
  };
}
