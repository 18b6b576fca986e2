// Theme colours derived from the site's accent, so text on it stays readable (WCAG AA).

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
export const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const INK = "#1a1a1a";

/**
 * The text colour on an accent, as the server chooses it (services/contrast.ts): white when it
 * reaches 4.5:1 or reads better than ink, else ink. Used only when the config does not say.
 */
export const textOn = (hex: string) => {
  const white = contrastWithWhite(hex);
  return white >= 4.5 || white >= (luminance(hex) + 0.05) / (luminance(INK) + 0.05) ? "#fff" : INK;
};

/**
 * The CSS custom properties for an accent: text on the accent in the colour the server chose
 * (`onAccent`), and focus rings fall back to ink when the accent is too pale to see on white (3:1).
 */
export function themeFor(accent: string, onAccent = textOn(accent)): Record<string, string> {
  return {
    "--beckon-accent": accent,
    "--beckon-on-accent": onAccent,
    "--beckon-focus": contrastWithWhite(accent) >= 3 ? accent : INK,
  };
}
