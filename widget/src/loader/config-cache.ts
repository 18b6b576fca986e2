// The launcher's look from the last config this browser saw for a site, kept in the host page's
// localStorage under `beckon:<site>:config`, so the launcher is drawn at once on the next page view and
// takes the fresh config's words and colours when it lands. Only what the launcher shows is kept (no
// availability, no slots: the panel always waits for the fresh config), with a version, so a future
// shape is read as nothing rather than misread. Storage can be missing or throw (privacy modes,
// sandboxed frames, a full quota): every access is guarded, and a failure means the defaults are drawn.
import type { WidgetConfig } from "./config.ts";
import type { Options } from "./options.ts";

export type Look = Pick<WidgetConfig, "launcherLabel" | "accent" | "position">;

const VERSION = 1;
const isColor = (v: unknown): v is string => /^#[\da-f]{6}$/i.test(v as string);
const keyFor = (site: string) => `beckon:${site}:config`;

/** What the launcher looks like before any config is known: the config's own defaults. */
export const DEFAULT_LOOK: Look = { launcherLabel: "Contact us", accent: "#1f6f5c", position: "right" };

/** A browser's very first view: the snippet's `data-color` and `data-label` over the defaults. */
export const scriptLook = ({ color, label }: Options): Look => ({ ...DEFAULT_LOOK, ...(isColor(color) && { accent: color }), ...(label && { launcherLabel: label }) });

/** The look saved from this site's last config, if there is a readable one of this version. */
export function readLook(site: string): Look | null {
  try {
    const v = JSON.parse(localStorage.getItem(keyFor(site))!);
    return v.v === VERSION && typeof v.launcherLabel == "string" && isColor(v.accent) ? { ...v, position: v.position == "left" ? "left" : "right" } : null;
  } catch {
    return null;
  }
}

/** Keeps the fresh config's look for the next page view (written only when it changed). */
export function saveLook(site: string, { launcherLabel, accent, position }: Look): void {
  try {
    const value = JSON.stringify({ v: VERSION, launcherLabel, accent, position });
    if (localStorage.getItem(keyFor(site)) != value) localStorage.setItem(keyFor(site), value);
  } catch {}
}

/** Forgets the look, when the server says the widget is not to be shown here. */
export function forgetLook(site: string): void {
  try {
    localStorage.removeItem(keyFor(site));
  } catch {}
}
