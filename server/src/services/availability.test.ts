import { describe, expect, it } from "vitest";
import { callbackSlots, isBookable, isOpen, nextOpening } from "./availability.ts";
import { readSettings } from "./site-settings.ts";

const ny = readSettings({ timezone: "America/New_York" }); // Mon–Fri 09:00–17:00

describe("availability", () => {
  it("is open inside business hours in the site's zone", () => {
    expect(isOpen(ny, new Date("2026-11-23T15:00:00Z"))).toBe(true); // Mon 10:00 EST
    expect(isOpen(ny, new Date("2026-11-23T13:59:00Z"))).toBe(false); // Mon 08:59 EST
    expect(isOpen(ny, new Date("2026-11-22T15:00:00Z"))).toBe(false); // Sunday
  });

  it("finds the next opening across a weekend", () => {
    expect(nextOpening(ny, new Date("2026-11-21T12:00:00Z"))).toEqual(new Date("2026-11-23T14:00:00Z"));
    const open = new Date("2026-11-23T15:00:00Z");
    expect(nextOpening(ny, open)).toEqual(open);
  });

  it("is closed while away, and reopens after the return date", () => {
    const away = { ...ny, awayUntil: "2026-11-25T12:00:00-05:00" };
    expect(isOpen(away, new Date("2026-11-24T15:00:00Z"))).toBe(false);
    expect(nextOpening(away, new Date("2026-11-24T15:00:00Z"))).toEqual(new Date("2026-11-25T17:00:00Z"));
  });

  it("offers slots today and tomorrow inside hours, with lead time", () => {
    const slots = callbackSlots(ny, new Date("2026-11-23T20:40:00Z")); // Mon 15:40 EST
    expect(slots[0]).toEqual(new Date("2026-11-23T21:30:00Z")); // 16:30, first slot 30 min ahead
    expect(slots.at(-1)).toEqual(new Date("2026-11-24T21:30:00Z")); // Tue 16:30
    expect(slots).toHaveLength(1 + 16);
  });

  it("keeps wall-clock hours across a DST change", () => {
    // Sun 1 Nov 2026 is the US fall-back day; Monday's 09:00 is UTC-5 while Friday's was UTC-4.
    const slots = callbackSlots(ny, new Date("2026-10-30T12:00:00Z"));
    expect(slots[0]).toEqual(new Date("2026-10-30T13:00:00Z"));
    expect(nextOpening(ny, new Date("2026-10-31T12:00:00Z"))).toEqual(new Date("2026-11-02T14:00:00Z"));
  });

  it("books only open times up to the end of tomorrow", () => {
    const now = new Date("2026-11-23T15:00:00Z");
    expect(isBookable(ny, new Date("2026-11-24T15:00:00Z"), now)).toBe(true);
    expect(isBookable(ny, new Date("2026-11-25T15:00:00Z"), now)).toBe(false);
    expect(isBookable(ny, new Date("2026-11-23T14:00:00Z"), now)).toBe(false);
    expect(isBookable(ny, new Date("2026-11-24T03:00:00Z"), now)).toBe(false);
  });
});
