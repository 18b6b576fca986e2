import { describe, expect, it } from "vitest";
import { formatDateTime } from "../ui/format.ts";
import { en } from "./en.ts";
import { t, tCount, tOrdinal } from "./t.ts";

describe("the owner app's catalog", () => {
  it("fills placeholders and picks plural and ordinal forms", () => {
    expect(t("request.reply_hint", { email: "jane@example.com" })).toBe("Goes to jane@example.com in the same email thread.");
    expect(tCount("privacy.years", 1)).toBe("1 year without activity");
    expect(tCount("privacy.years", 5)).toBe("5 years without activity");
    expect([1, 2, 3, 11, 22].map((n) => tOrdinal("ordinal.request", n))).toEqual(["1st request", "2nd request", "3rd request", "11th request", "22nd request"]);
  });
  it("has a text for every key, and counted phrases have an `other` form", () => {
    for (const [key, value] of Object.entries(en)) {
      if (typeof value === "string") expect(value.trim(), key).not.toBe("");
      else expect((value as { other?: string }).other, key).toBeTruthy();
    }
  });
  it("writes dates in the owner's locale", () => {
    expect(formatDateTime("2026-11-23T15:00:00Z", "Europe/Berlin", "de-DE")).toBe("Mo., 23. Nov., 16:00");
  });
});
