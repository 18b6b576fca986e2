// The widget's corner of the host page: one <beckon-widget data-beckon> on body, an open shadow root,
// and stylesheets adopted by that root. The host is a custom element name (never defined), not a <div>,
// so the page's type selectors (`div { display: none !important }`) do not match it at all; what still
// can (`*`, `body > *`, attribute rules) loses to the shadow root's `:host { ... !important }`.
// Adopted sheets are CSSOM, so a CSP without 'unsafe-inline' allows them; a <style> element is only the
// fallback for browsers without constructable stylesheets.

export type Mounted = { host: HTMLElement; shadow: ShadowRoot; root: HTMLElement };

/** Resolves once document.body exists (the script may run from <head>, before the body is parsed). */
export const bodyReady = (): Promise<HTMLElement> =>
  new Promise((resolve) => {
    if (document.body) return resolve(document.body);
    document.addEventListener("DOMContentLoaded", () => resolve(document.body), { once: true });
  });

/** Adds a stylesheet to the shadow root, after the ones it already has. Used by the loader and the panel. */
export function adopt(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    shadow.prepend(style);
  }
}

/** Appends the host element and returns the container to render into, themed by CSS custom properties. */
export async function mount(css: string, theme: Record<string, string>, className: string): Promise<Mounted> {
  const host = document.createElement("beckon-widget");
  host.setAttribute("data-beckon", "");
  const shadow = host.attachShadow({ mode: "open" });
  adopt(shadow, css);
  const root = document.createElement("div");
  root.className = className;
  // CSSOM, not a style="" string: allowed under a strict style-src.
  for (const [name, value] of Object.entries(theme)) root.style.setProperty(name, value);
  shadow.append(root);
  (await bodyReady()).append(host);
  return { host, shadow, root };
}
