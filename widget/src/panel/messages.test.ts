import { describe, expect, it } from "vitest";
import { formatBack, formatWhen } from "./format.ts";
import { availabilityLine, expectLine, firstName, replyLine, usuallyLine } from "./messages.ts";

const gb = ["en-GB", "Europe/London"] as const;
const now = new Date("2026-11-21T12:00:00.000Z"); // a Saturday
const closed = { openNow: false, nextOpenAt: null, awayUntil: null, awayMessage: null };

describe("formatWhen", () => {
  it("labels a slot in the shopper's time zone and conventions", () => {
    expect(formatWhen("2026-11-23T10:00:00.000Z", ...gb)).toBe("Mon 23 Nov, 10:00");
    expect(formatWhen("2026-11-23T10:00:00.000Z", "en-GB", "America/New_York")).toBe("Mon 23 Nov, 05:00");
    expect(formatWhen("2026-11-23T10:00:00.000Z", "en-US", "America/New_York")).toBe("Mon, Nov 23, 5:00 AM");
  });
});

describe("formatBack", () => {
  it("says the weekday within the week, in the shopper's zone, and the date further off", () => {
    expect(formatBack("2026-11-23T09:00:00.000Z", now, ...gb)).toBe("Monday 09:00");
    expect(formatBack("2026-11-23T14:00:00.000Z", now, "en-US", "America/New_York")).toBe("Monday 9:00 AM");
    expect(formatBack("2026-11-23T14:00:00.000Z", now, "en-GB", "Asia/Tokyo")).toBe("Monday 23:00");
    expect(formatBack("2026-12-01T09:00:00.000Z", now, ...gb)).toBe("Tue 1 Dec, 09:00");
  });
});

describe("availabilityLine", () => {
  it("says open, away or closed, and when the shop is back in the shopper's own time", () => {
    expect(availabilityLine({ ...closed, openNow: true }, now, ...gb)).toBe("We're around now.");
    expect(availabilityLine({ ...closed, nextOpenAt: "2026-11-23T09:00:00.000Z" }, now, ...gb)).toBe("Closed now. Back Monday 09:00.");
    expect(availabilityLine(closed, now, ...gb)).toBe("Closed now.");
  });

  it("when away, shows the owner's message and the first opening after the break", () => {
    const away = { ...closed, awayUntil: "2026-11-23T00:00:00.000Z", nextOpenAt: "2026-11-23T14:00:00.000Z" };
    expect(availabilityLine({ ...away, awayMessage: "At the plant fair!" }, now, ...gb)).toBe("At the plant fair! Back Monday 14:00.");
    expect(availabilityLine(away, now, "en-US", "America/New_York")).toBe("We're away. Back Monday 9:00 AM.");
    expect(availabilityLine({ ...away, nextOpenAt: null }, now, ...gb)).toBe("We're away. Back Monday 00:00.");
  });
});

describe("expectLine", () => {
  it("is honest about when the call comes", () => {
    expect(expectLine({ kind: "soon" }, ...gb)).toBe("We'll call you back as soon as we can.");
    expect(expectLine({ kind: "next_open", at: "2026-11-24T09:00:00.000Z" }, ...gb)).toBe(
      "We're closed right now. Expect our call after we open: Tue 24 Nov, 09:00.",
    );
    expect(expectLine({ kind: "scheduled", at: "2026-11-23T14:30:00.000Z" }, ...gb)).toBe("Expect our call at Mon 23 Nov, 14:30.");
  });

  it("never promises a time it was not given", () => {
    expect(expectLine({ kind: "scheduled" }, ...gb)).toBe("We'll call you back as soon as we can.");
    expect(expectLine(undefined, ...gb)).toBe("We'll call you back as soon as we can.");
  });
});

describe("replyLine and usuallyLine", () => {
  it("repeat the server's reply time, and promise none without one", () => {
    expect(replyLine("jane@example.com", "within 2 hours")).toBe("We'll reply to jane@example.com within 2 hours.");
    expect(replyLine("jane@example.com", "by Monday 11:00")).toBe("We'll reply to jane@example.com by Monday 11:00.");
    expect(replyLine("jane@example.com", undefined)).toBe("We'll reply to jane@example.com as soon as we can.");
  });

  it("state the usual reply time only while open", () => {
    expect(usuallyLine(true, 2)).toBe("We usually reply within 2 hours.");
    expect(usuallyLine(true, 1)).toBe("We usually reply within 1 hour.");
    expect(usuallyLine(false, 2)).toBe("");
    expect(usuallyLine(true, 0)).toBe("");
  });
});

describe("firstName", () => {
  it("takes the first word", () => {
    expect(firstName("  Jane   van Doe ")).toBe("Jane");
    expect(firstName("Prince")).toBe("Prince");
  });
});
