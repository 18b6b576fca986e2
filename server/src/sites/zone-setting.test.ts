import { describe, expect, it } from "vitest";
import { siteSettingsSchema } from "./site-settings.ts";

describe("the site's time zone setting", () => {
  it("takes a zone by its current IANA name as well as the older one ICU lists", () => {
    for (const tz of ["Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "Europe/Kiev", "America/Nuuk", "UTC", "Europe/Berlin"]) {
      expect(siteSettingsSchema.safeParse({ timezone: tz }).success, tz).toBe(true);
    }
  });

  it("refuses a zone nobody knows, with the reason", () => {
    const parsed = siteSettingsSchema.safeParse({ timezone: "Mars/Olympus_Mons" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["timezone"], message: "unknown time zone" });
  });
});
