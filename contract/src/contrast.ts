/** WCAG 2 contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The two text colours the widget may put on the accent: light (white) and dark (its ink). */
export const LIGHT_TEXT = "#ffffff";
export const DARK_TEXT = "#1a1a1a";
/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

export type TextOnAccent = { color: typeof LIGHT_TEXT | typeof DARK_TEXT; ratio: number; passes: boolean };

/**
 * The text colour for an accent: whichever of white and dark ink reads better on it, with its
 * ratio. White wins a tie (it is what most brand colours expect). `passes` is WCAG AA.
 */
export function textOnAccent(accent: string): TextOnAccent {
  const light = contrastRatio(accent, LIGHT_TEXT);
  const dark = contrastRatio(accent, DARK_TEXT);
  const pick = light >= MIN_TEXT_CONTRAST || light >= dark ? { color: LIGHT_TEXT, ratio: light } : { color: DARK_TEXT, ratio: dark };
  return { ...pick, passes: pick.ratio >= MIN_TEXT_CONTRAST } as TextOnAccent;
}

/** The widget panel's background in dark mode (its text is light; see widget/src/panel/panel-styles.ts). */
export const DARK_SURFACE = "#1e1e20";
/** Non-text contrast (focus rings, a control's edge) that WCAG asks for: 3:1. */
export const MIN_UI_CONTRAST = 3;

/**
 * The accent's partner on a dark panel: the colour of focus rings and of the primary button's edge.
 * The accent itself when it stands out from the dark surface (3:1), else light ink.
 */
export function darkFocus(accent: string): string {
  return contrastRatio(accent, DARK_SURFACE) >= MIN_UI_CONTRAST ? accent : LIGHT_TEXT;
}
