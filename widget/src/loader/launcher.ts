// The button in the corner of the page that opens and closes the panel. Plain DOM: it is part of the
// loader, which must stay small, and it is all most visitors ever see.

import type { LauncherWords } from "./config.ts";

const SVG = "http://www.w3.org/2000/svg";

/**
 * Creates the launcher; `aria-controls` is set by the caller once the panel exists. `setUnread` shows
 * a count of unseen chat answers on it, in its accessible name too; `setLabel` changes its words (the
 * launcher is drawn before the fresh config has arrived).
 */
export function createLauncher(label: string, onToggle: () => void): HTMLButtonElement & { setUnread(count: number): void; setLabel(label: string, locale?: string, words?: LauncherWords): void } {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "launcher";
  button.setAttribute("aria-expanded", "false");
  // Built node by node rather than with innerHTML, so a page enforcing Trusted Types is no problem.
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z");
  icon.append(path);
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.hidden = true;
  const text = document.createTextNode(label);
  button.append(icon, text, badge);
  button.addEventListener("click", onToggle);
  let unread = 0;
  let locale = "en";
  let forms: LauncherWords["newAnswers"];
  return Object.assign(button, {
    /** The fresh config's label, in its language, with its plural forms for the unread count. */
    setLabel(next: string, lang = locale, words: LauncherWords = {}) {
      text.data = label = next;
      locale = lang;
      forms = words.newAnswers ?? forms;
      this.setUnread(unread);
    },
    setUnread(count: number) {
      unread = count;
      badge.hidden = !count;
      badge.textContent = (count || "") as string;
      // Plural rules only for a count: a page's first Intl object is not free, and most pages never need one.
      if (!count) return button.removeAttribute("aria-label");
      const many = forms?.[new Intl.PluralRules(locale).select(count)] ?? forms?.other;
      button.setAttribute("aria-label", `${label}, ${many ? many.replace("{count}", count.toLocaleString(locale)) : `${count} new answers`}`);
    },
  });
}
