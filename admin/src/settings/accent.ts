// The live contrast check is the server's own (@beckon/contract/contrast, shared, not copied), so the
// page never passes a colour the server will refuse and previews the text colour the widget will use.
import { MIN_TEXT_CONTRAST, textOnAccent } from "@beckon/contract/contrast";

/** The contrast the widget needs between its text and the accent (WCAG AA for normal text). */
export const MIN_CONTRAST = MIN_TEXT_CONTRAST;

/** `#1F6F5C`, `1f6f5c` or `#1f6` as `#1f6f5c`; null when it is not a colour. */
export function normalizeHex(input: string): string | null {
  const hex = input.trim().replace(/^#/, "").toLowerCase();
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((c) => c + c).join("")}`;
  return null;
}

export type AccentCheck = { hex: string; text: "#ffffff" | "#1a1a1a"; ratio: number; passes: boolean } | null;

/** The text colour chosen for the accent (light or dark), its contrast ratio, and whether it passes. */
export function checkAccent(input: string): AccentCheck {
  const hex = normalizeHex(input);
  if (!hex) return null;
  const { color, ratio, passes } = textOnAccent(hex);
  return { hex, text: color, ratio, passes };
}

/** "White" or "dark", for sentences about the chosen text colour. */
export const textName = (text: string) => (text === "#ffffff" ? "white" : "dark");

/** "7.2:1" (ui/format.ts writes it). */
export { formatRatio } from "../ui/format.ts";
