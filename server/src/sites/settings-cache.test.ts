import { describe, expect, it } from "vitest";
import { settingsCache } from "./settings-cache.ts";

describe("settingsCache", () => {
  it("parses a stored text once, shares it frozen, and parses a changed text anew", () => {
    const parsed = settingsCache(2);
    const a = parsed(JSON.stringify({ timezone: "Europe/Oslo" }));
    expect(a.timezone).toBe("Europe/Oslo");
    expect(a.hours.mon).toEqual([{ from: "09:00", to: "17:00" }]); // defaults filled in
    expect(parsed(JSON.stringify({ timezone: "Europe/Oslo" }))).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.hours.mon)).toBe(true);
    expect(() => (a.hours.mon as unknown[]).push({ from: "18:00", to: "19:00" })).toThrow(TypeError);
    const b = parsed(JSON.stringify({ timezone: "Asia/Tokyo" }));
    expect(b).not.toBe(a);
    expect(b.timezone).toBe("Asia/Tokyo");
    expect(parsed(null).timezone).toBe(parsed("{}").timezone);
  });
});
