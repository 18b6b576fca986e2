// Light, dark, or the system's choice (prefers-color-scheme), per browser. The stylesheet holds both
// palettes (styles/05-dark.css); this only sets `data-theme` on <html> when the owner picked one.
import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { t } from "../i18n/t.ts";

export type ThemeChoice = "auto" | "light" | "dark";
const KEY = "beckon.theme";
const CHOICES: ThemeChoice[] = ["auto", "light", "dark"];

/** The choice stored in this browser; "auto" when none (or storage is blocked). */
export function storedTheme(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): ThemeChoice {
  try {
    const value = storage?.getItem(KEY);
    return CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : "auto";
  } catch {
    return "auto";
  }
}

/** Shows the page in `choice` ("auto" follows the system). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === "auto") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

/** Remembers `choice` in this browser and shows it. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === "auto") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  applyTheme(choice);
}

/** The "Appearance: Auto / Light / Dark" picker in the top bar. */
export function ThemePicker() {
  const [choice, setChoice] = useState<ThemeChoice>(() => storedTheme());
  return html`<label class="theme-pick"><span class="visually-hidden">${t("theme.label")}</span>
    <select value=${choice} onChange=${(e: Event) => {
      const next = (e.currentTarget as HTMLSelectElement).value as ThemeChoice;
      setChoice(next);
      chooseTheme(next);
    }}>
      ${CHOICES.map((c) => html`<option value=${c}>${t(`theme.${c}`)}</option>`)}
    </select></label>`;
}
