import { expect, it } from "vitest";
import { contrastRatio } from "./contrast.ts";
import { siteSettingsSchema } from "./site-settings.ts";

it("computes WCAG contrast ratios", () => {
  expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
  expect(contrastRatio("#1f6f5c", "#ffffff")).toBeGreaterThan(4.5);
  expect(contrastRatio("#ffdd00", "#ffffff")).toBeLessThan(2);
});

it("refuses an accent white text cannot be read on", () => {
  const result = siteSettingsSchema.safeParse({ accent: "#ffdd00" });
  expect(result.success).toBe(false);
  expect(result.error!.issues[0]!.message).toMatch(/hard to read/);
});
