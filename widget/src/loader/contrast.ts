// Theme colours derived from the site's accent, so text on it stays readable (WCAG AA). The rule itself is
// the contract's (@beckon/contract/contrast): the same one the server and the settings page use.
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, textOnAccent } from "@beckon/contract/contrast";

/**
 * The CSS custom properties for an accent: text on the accent in the colour the server chose
 * (`onAccent`, else the contract's choice), and focus rings fall back to ink when the accent is too
 * pale to see on white (3:1).
 */
export function themeFor(accent: string, onAccent = textOnAccent(accent).color as string): Record<string, string> {
  return {
    "--beckon-accent": accent,
    "--beckon-on-accent": onAccent,
    "--beckon-focus": contrastRatio(accent, LIGHT_TEXT) >= 3 ? accent : DARK_TEXT,
  };
}
