import { readSettings, type SiteSettings } from "./site-settings.ts";

/**
 * Parsed site settings, kept by their stored JSON text: every public request loads its site, and parsing
 * (zod, defaults, older shapes) cost more than the read. A change to the settings is a new text, so it is
 * parsed anew; nothing needs invalidating, across processes too. The object is shared by every request
 * that reads the same text, so it is frozen (a change must go through the database), and it lets caches
 * keyed by the settings object (availability.ts) live as long as the settings do.
 */
export function settingsCache(size = 500): (stored: string | null) => SiteSettings {
  const parsed = new Map<string, SiteSettings>();
  return (stored) => {
    const text = stored ?? "{}";
    const hit = parsed.get(text);
    if (hit) return hit;
    const settings = deepFreeze(readSettings(JSON.parse(text)));
    parsed.set(text, settings);
    if (parsed.size > size) parsed.delete(parsed.keys().next().value!);
    return settings;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
