import { describe, expect, it } from "vitest";
import { formatInZone, fromZonedInput, toZonedInput, zoneOffsetMinutes } from "./zoned-time.ts";

describe("away time in the site's zone", () => {
  it("knows a zone's offset, summer and winter", () => {
    expect(zoneOffsetMinutes(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(zoneOffsetMinutes(new Date("2026-07-15T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(zoneOffsetMinutes(new Date("2026-07-15T12:00:00Z"), "UTC")).toBe(0);
  });

  it("reads a datetime-local value as wall time in the zone", () => {
    expect(fromZonedInput("2026-11-30T09:00", "America/New_York")).toBe("2026-11-30T14:00:00.000Z");
    expect(fromZonedInput("2026-07-01T09:00", "Europe/London")).toBe("2026-07-01T08:00:00.000Z");
    expect(fromZonedInput("2026-07-01T09:00", "UTC")).toBe("2026-07-01T09:00:00.000Z");
    expect(fromZonedInput("", "UTC")).toBeNull();
    expect(fromZonedInput("tomorrow", "UTC")).toBeNull();
  });

  it("handles the days clocks change", () => {
    // London springs forward at 01:00 on 29 March 2026: 00:30 is GMT, 02:30 is BST.
    expect(fromZonedInput("2026-03-29T00:30", "Europe/London")).toBe("2026-03-29T00:30:00.000Z");
    expect(fromZonedInput("2026-03-29T02:30", "Europe/London")).toBe("2026-03-29T01:30:00.000Z");
    // New York falls back on 1 November 2026; 12:00 that day is EST.
    expect(fromZonedInput("2026-11-01T12:00", "America/New_York")).toBe("2026-11-01T17:00:00.000Z");
  });

  it("shows a stored instant back as the same wall time", () => {
    for (const zone of ["America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC"]) {
      const iso = fromZonedInput("2026-12-24T17:30", zone)!;
      expect(toZonedInput(iso, zone)).toBe("2026-12-24T17:30");
    }
    expect(toZonedInput("2026-11-30T09:00:00-05:00", "America/New_York")).toBe("2026-11-30T09:00");
    expect(formatInZone("2026-11-30T14:00:00Z", "America/New_York", "en-GB")).toBe("Mon 30 Nov, 09:00");
  });
});
