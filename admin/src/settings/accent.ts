// The live contrast check mirrors the server's (services/contrast.ts is shared, not copied), so the
// page never passes a colour the server will refuse.
import { contrastRatio } from "../../../server/src/services/contrast.ts";

/** The contrast the widget needs between white text and the accent (WCAG AA for normal text). */
export const MIN_CONTRAST = 4.5;

/** `#1F6F5C`, `1f6f5c` or `#1f6` as `#1f6f5c`; null when it is not a colour. */
export function normalizeHex(input: string): string | null {
  const hex = input.trim().replace(/^#/, "").toLowerCase();
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((c) => c + c).join("")}`;
  return null;
}

export type AccentCheck = { hex: string; ratio: number; passes: boolean } | null;

/** White text on the accent: its contrast ratio, rounded down as the server reports it, and whether it passes. */
export function checkAccent(input: string): AccentCheck {
  const hex = normalizeHex(input);
  if (!hex) return null;
  const ratio = contrastRatio(hex, "#ffffff");
  return { hex, ratio, passes: ratio >= MIN_CONTRAST };
}

/** "7.2:1"; never rounds a failing ratio up to look like a pass (4.46 shows as 4.4:1). */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}
