import { describe, expect, it } from "vitest";
import { isLocked, lockTo } from "./origins.ts";

const seen = (origin: string, allowed: boolean) => ({ origin, allowed, firstSeenAt: "", lastSeenAt: "" });

describe("origin lock", () => {
  it("is off with no list or with *", () => {
    expect(isLocked([])).toBe(false);
    expect(isLocked(["*"])).toBe(false);
    expect(isLocked(["https://shop.example"])).toBe(true);
  });

  it("'Only allow these' keeps the sites the widget works on, not the blocked ones", () => {
    expect(lockTo([seen("https://a.example", true), seen("https://b.example", false), seen("https://c.example", true)])).toEqual([
      "https://a.example",
      "https://c.example",
    ]);
  });
});
