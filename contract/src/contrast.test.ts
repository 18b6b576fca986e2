import { expect, it } from "vitest";
import { contrastRatio, DARK_SURFACE, darkFocus, textOnAccent } from "./contrast.ts";

it("computes WCAG contrast ratios", () => {
  expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
  expect(contrastRatio("#1f6f5c", "#ffffff")).toBeGreaterThan(4.5);
  expect(contrastRatio("#ffdd00", "#ffffff")).toBeLessThan(2);
});

it("chooses light text on dark accents and dark text on light ones", () => {
  expect(textOnAccent("#1f6f5c")).toMatchObject({ color: "#ffffff", passes: true });
  expect(textOnAccent("#f5c542")).toMatchObject({ color: "#1a1a1a", passes: true });
  expect(textOnAccent("#f5c542").ratio).toBeGreaterThan(9);
  expect(textOnAccent("#777777")).toMatchObject({ passes: false });
});

it("recomputes the accent's focus partner for a dark panel", () => {
  // A bright accent shows on the dark surface; the default deep green does not, so light ink takes over.
  expect(darkFocus("#f5c542")).toBe("#f5c542");
  expect(contrastRatio("#1f6f5c", DARK_SURFACE)).toBeLessThan(3);
  expect(darkFocus("#1f6f5c")).toBe("#ffffff");
});
