import { DateTime, Interval } from "luxon";
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

  it("offers slots over the coming week inside hours, with lead time", () => {
    const slots = callbackSlots(ny, new Date("2026-11-23T20:40:00Z")); // Mon 15:40 EST
    expect(slots[0]).toEqual(new Date("2026-11-23T21:30:00Z")); // 16:30, first slot 30 min ahead
    expect(slots.at(-1)).toEqual(new Date("2026-11-27T21:30:00Z")); // Fri 16:30: the weekend is closed
    expect(slots).toHaveLength(1 + 4 * 16);
  });

  it("skips an away period", () => {
    const away = { ...ny, awayUntil: "2026-11-25T12:00:00-05:00" };
    const slots = callbackSlots(away, new Date("2026-11-23T15:00:00Z"));
    expect(slots[0]).toEqual(new Date("2026-11-25T17:00:00Z")); // Wed 12:00, the moment they are back
  });

  it("keeps wall-clock hours across a DST change", () => {
    // Sun 1 Nov 2026 is the US fall-back day; Monday's 09:00 is UTC-5 while Friday's was UTC-4.
    const slots = callbackSlots(ny, new Date("2026-10-30T12:00:00Z"));
    expect(slots[0]).toEqual(new Date("2026-10-30T13:00:00Z"));
    expect(nextOpening(ny, new Date("2026-10-31T12:00:00Z"))).toEqual(new Date("2026-11-02T14:00:00Z"));
  });

  it("books only open times inside the coming week", () => {
    const now = new Date("2026-11-23T15:00:00Z");
    expect(isBookable(ny, new Date("2026-11-24T15:00:00Z"), now)).toBe(true);
    expect(isBookable(ny, new Date("2026-11-27T15:00:00Z"), now)).toBe(true);
    expect(isBookable(ny, new Date("2026-11-30T15:00:00Z"), now)).toBe(false); // Monday week: too far
    expect(isBookable(ny, new Date("2026-11-23T14:00:00Z"), now)).toBe(false);
    expect(isBookable(ny, new Date("2026-11-24T03:00:00Z"), now)).toBe(false);
  });

  describe("an owner in New York, a shopper in Berlin, across the clock changes", () => {
    const berlin = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit" }).format(d);
    const mondays = (now: string) => callbackSlots(ny, new Date(now)).filter((d) => d.getUTCDay() === 1);

    it("keeps the owner's 09:00 while the shopper's clock says 15:00, 14:00 or 15:00 again", () => {
      // Before either change (EST/CET): 09:00 New York is 15:00 Berlin.
      expect(berlin(mondays("2026-02-27T12:00:00Z")[0]!)).toBe("Mon 15:00");
      // The US springs forward on 8 March, Europe only on 29 March: for three weeks the gap is 5 hours.
      const gap = mondays("2026-03-06T12:00:00Z")[0]!;
      expect(gap).toEqual(new Date("2026-03-09T13:00:00Z"));
      expect(berlin(gap)).toBe("Mon 14:00");
      // After Europe's change (EDT/CEST) it is 15:00 again.
      const after = mondays("2026-03-27T12:00:00Z")[0]!;
      expect(after).toEqual(new Date("2026-03-30T13:00:00Z"));
      expect(berlin(after)).toBe("Mon 15:00");
    });

    it("in autumn, Europe falls back first (25 October), then the US (1 November)", () => {
      const gap = mondays("2026-10-23T12:00:00Z")[0]!;
      expect(gap).toEqual(new Date("2026-10-26T13:00:00Z")); // still EDT
      expect(berlin(gap)).toBe("Mon 14:00"); // already CET
      const after = mondays("2026-10-30T12:00:00Z")[0]!;
      expect(after).toEqual(new Date("2026-11-02T14:00:00Z")); // EST
      expect(berlin(after)).toBe("Mon 15:00");
      // Every slot on the change days themselves is still inside the owner's hours.
      for (const slot of callbackSlots(ny, new Date("2026-10-30T12:00:00Z"))) expect(isOpen(ny, slot)).toBe(true);
    });
  });

  it("offers exactly the slots that stepping the owner's wall clock in their zone gives, across DST and away periods", () => {
    // The zoned walk callbackSlots did before it read the cached openings (issue #16), kept as the reference.
    const zoned = (settings: typeof ny, now: Date) => {
      const local = DateTime.fromJSDate(now).setZone(settings.timezone);
      const earliest = local.plus({ minutes: 30 });
      const away = settings.awayUntil === null ? null : DateTime.fromISO(settings.awayUntil);
      const out: number[] = [];
      for (let d = 0; d < 7; d++) {
        const day = local.startOf("day").plus({ days: d });
        for (const { from, to } of settings.hours[(["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const)[day.weekday - 1]!]) {
          const [fh, fm] = from.split(":").map(Number) as [number, number];
          const [th, tm] = to.split(":").map(Number) as [number, number];
          const open = Interval.fromDateTimes(day.set({ hour: fh, minute: fm }), day.set({ hour: th, minute: tm }));
          if (!open.isValid) continue;
          for (let t = open.start!; t < open.end!; t = t.plus({ minutes: 30 })) if (t >= earliest && !(away && away > t)) out.push(t.toMillis());
        }
      }
      return out.sort((a, b) => a - b);
    };
    const weekend = { from: "10:00", to: "13:30" };
    const sites = [
      ny,
      readSettings({ timezone: "Europe/Berlin", hours: { ...ny.hours, sat: [weekend], sun: [{ from: "00:00", to: "03:30" }] } }),
      readSettings({ timezone: "Australia/Adelaide" }), // a half-hour offset, with DST
      readSettings({ timezone: "Asia/Kolkata", awayUntil: "2026-11-25T12:15:00+05:30" }),
    ];
    for (const site of sites) {
      for (const at of ["2026-03-07T23:10:00Z", "2026-03-28T08:00:00Z", "2026-04-04T13:59:00Z", "2026-10-03T15:45:00Z", "2026-10-24T21:00:00Z", "2026-10-31T09:29:00Z", "2026-11-23T20:40:00Z"]) {
        const now = new Date(at);
        expect(callbackSlots(site, now).map((d) => d.getTime()), `${site.timezone} at ${at}`).toEqual(zoned(site, now));
      }
    }
  });
});
