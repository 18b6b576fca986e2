// Install-time options, read once from the script tag's data-* attributes.

export type Options = { site: string; api: string };

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
    return { site, api: (script.getAttribute("data-api")?.trim() || new URL(script.src).origin).replace(/\/+$/, "") };
  } catch {
    return "cannot tell the API's address; add data-api";
  }
}
