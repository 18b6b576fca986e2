import { describe, expect, it } from "vitest";
import { formatBack, formatterFor, formatTime, formatWhen } from "./format.ts";

const now = new Date("2026-11-21T12:00:00Z"); // a Saturday

describe("one time format in the widget", () => {
  it("writes the time alike in 'Back Monday …', the slot list and chat lines", () => {
    const us = ["en-US", "America/New_York"] as const;
    const at = "2026-11-23T19:00:00.000Z"; // Monday 2:00 PM in New York
    expect(formatBack(at, now, ...us)).toBe("Monday 2:00 PM");
    expect(formatWhen(at, ...us)).toBe("Mon, Nov 23, 2:00 PM");
    expect(formatTime(at, ...us)).toBe("2:00 PM");
    // Before, the slot list said "02:00 PM" beside "Back Monday 2:00 PM".
    expect(formatWhen("2026-11-23T10:00:00.000Z", ...us)).toBe("Mon, Nov 23, 5:00 AM");
    const gb = ["en-GB", "Europe/London"] as const;
    expect(formatBack(at, now, ...gb)).toBe("Monday 19:00");
    expect(formatWhen(at, ...gb)).toBe("Mon 23 Nov, 19:00");
    expect(formatTime(at, ...gb)).toBe("19:00");
  });

  it("builds each Intl.DateTimeFormat once per locale and zone, and reuses it", () => {
    const first = formatterFor("day", "de-DE", "Europe/Berlin");
    formatWhen("2026-11-23T10:00:00.000Z", "de-DE", "Europe/Berlin");
    expect(formatterFor("day", "de-DE", "Europe/Berlin")).toBe(first);
    expect(formatterFor("day", "de-DE", "Europe/Paris")).not.toBe(first);
    expect(formatterFor("weekday", "de-DE", "Europe/Berlin")).not.toBe(first);
  });
});
