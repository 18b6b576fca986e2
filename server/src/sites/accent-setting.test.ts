import { expect, it } from "vitest";
import { siteSettingsSchema } from "./site-settings.ts";

it("accepts a light brand colour and refuses only one neither text colour reads on", () => {
  expect(siteSettingsSchema.safeParse({ accent: "#f5c542" }).success).toBe(true);
  expect(siteSettingsSchema.safeParse({ accent: "#ffdd00" }).success).toBe(true);
  const result = siteSettingsSchema.safeParse({ accent: "#777777" });
  expect(result.success).toBe(false);
  expect(result.error!.issues[0]!.message).toMatch(/Neither white nor dark text.*4\.5:1/);
});
