import { expect, it } from "vitest";
import { contrastRatio, textOnAccent } from "./contrast.ts";
import { siteSettingsSchema } from "./site-settings.ts";

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

it("accepts a light brand colour and refuses only one neither text colour reads on", () => {
  expect(siteSettingsSchema.safeParse({ accent: "#f5c542" }).success).toBe(true);
  expect(siteSettingsSchema.safeParse({ accent: "#ffdd00" }).success).toBe(true);
  const result = siteSettingsSchema.safeParse({ accent: "#777777" });
  expect(result.success).toBe(false);
  expect(result.error!.issues[0]!.message).toMatch(/Neither white nor dark text.*4\.5:1/);
});
