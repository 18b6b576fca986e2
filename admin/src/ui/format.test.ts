import { describe, expect, it } from "vitest";
import { formatAgo, formatDateTime, formatPhone, nthRequest } from "./format.ts";

describe("format", () => {
  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(nthRequest)).toEqual(
      ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"].map((n) => `${n} request`),
    );
  });
  it("shows times in the site's timezone", () => {
    expect(formatDateTime("2026-11-23T15:05:00Z", "America/New_York", "en-GB")).toBe("Mon 23 Nov, 10:05");
  });
  it("says how long ago, then falls back to the date", () => {
    const now = new Date("2026-11-23T15:05:00Z");
    expect(formatAgo("2026-11-23T15:04:40Z", now, "UTC", "en-GB")).toBe("just now");
    expect(formatAgo("2026-11-23T14:50:00Z", now, "UTC", "en-GB")).toBe("15 min ago");
    expect(formatAgo("2026-11-23T12:00:00Z", now, "UTC", "en-GB")).toBe("3 h ago");
    expect(formatAgo("2026-11-20T12:00:00Z", now, "UTC", "en-GB")).toBe("Fri 20 Nov, 12:00");
  });
});

describe("formatPhone", () => {
  it("shows stored numbers the way people write them", () => {
    expect(formatPhone("+447911123456")).toBe("+44 7911 123456");
    expect(formatPhone("+14155550100")).toBe("+1 415 555 0100");
    expect(formatPhone("12")).toBe("12");
    expect(formatPhone(null)).toBe("");
  });
});
