// Install-time options, read once from the script tag's data-* attributes.

/**
 * `lang`: `data-lang`, the language the page asks for (the shopper's own comes after it). `color` and
 * `label`: `data-color` and `data-label`, the launcher's look for a browser's very first view, before any
 * config is known (the install snippet carries them).
 */
export type Options = { site: string; api: string; lang?: string | null; color?: string | null; label?: string | null };

/** The part of a <script> element the widget reads; a plain object in tests. */
export type ScriptTag = { src: string; getAttribute(name: string): string | null };

/**
 * The options of one install: `data-site` (required) and the API's base URL, which is the origin
 * of the script's own src unless `data-api` overrides it; or, as a string, why the widget cannot start.
 */
export function readOptions(script: ScriptTag | null | undefined): Options | string {
  const site = script?.getAttribute("data-site")?.trim();
  if (!script || !site) return "no data-site on the <script> tag";
  try {
    return { site, api: (script.getAttribute("data-api")?.trim() || new URL(script.src).origin).replace(/\/+$/, ""), lang: script.getAttribute("data-lang"), color: script.getAttribute("data-color"), label: script.getAttribute("data-label") };
  } catch {
    return "add data-api";
  }
}
