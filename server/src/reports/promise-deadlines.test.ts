import { describe, expect, it } from "vitest";
import { isOpen, nextOpening } from "../sites/availability.ts";
import { readSettings } from "../sites/site-settings.ts";
import { promiseDeadlines } from "./reports.ts";

describe("promiseDeadlines", () => {
  it("gives what isOpen/nextOpening give, across split hours, closed days and a DST change", () => {
    const settings = readSettings({
      timezone: "America/New_York",
      replyWithinHours: 3,
      hours: { mon: [{ from: "09:00", to: "12:00" }, { from: "13:30", to: "17:00" }], tue: [], wed: [{ from: "08:15", to: "18:00" }], thu: [{ from: "09:00", to: "17:00" }], fri: [{ from: "09:00", to: "17:00" }], sat: [{ from: "10:00", to: "14:00" }], sun: [] },
    });
    const from = new Date("2026-10-20T00:00:00Z"); // across the end of DST on 1 Nov
    const deadlineOf = promiseDeadlines(settings, from, new Date("2026-11-20T00:00:00Z"));
    for (let t = from.getTime(); t < from.getTime() + 30 * 86_400_000; t += 97 * 60_000 + 13_000) {
      const at = new Date(t);
      const expected = (isOpen(settings, at) ? t : nextOpening(settings, at)!.getTime()) + 3 * 3_600_000;
      expect([at.toISOString(), deadlineOf(at)]).toEqual([at.toISOString(), expected]);
    }
    expect(deadlineOf(new Date("2026-11-02T17:00:00Z"))).toBe(new Date("2026-11-02T21:30:00Z").getTime()); // Mon 12:00 local (EST), the lunch break: 13:30 + 3 h
  });
});
