import { describe, expect, it } from "vitest";
import { formatWhen } from "./format.ts";
import { availabilityLine, expectLine, firstName } from "./messages.ts";

const gb = ["en-GB", "Europe/London"] as const;
const closed = { openNow: false, nextOpenAt: null, awayUntil: null, awayMessage: null };

describe("formatWhen", () => {
  it("labels a slot in the shopper's time zone and conventions", () => {
    expect(formatWhen("2026-11-23T10:00:00.000Z", ...gb)).toBe("Mon 23 Nov, 10:00");
    expect(formatWhen("2026-11-23T10:00:00.000Z", "en-GB", "America/New_York")).toBe("Mon 23 Nov, 05:00");
    expect(formatWhen("2026-11-23T10:00:00.000Z", "en-US", "America/New_York")).toBe("Mon, Nov 23, 05:00 AM");
  });
});

describe("availabilityLine", () => {
  it("says open, away or closed until when", () => {
    expect(availabilityLine({ ...closed, openNow: true }, ...gb)).toBe("We're around — usually quick to call back.");
    expect(availabilityLine({ ...closed, awayUntil: "2026-12-01T00:00:00.000Z" }, ...gb)).toBe("Away until Tue 1 Dec");
    expect(availabilityLine({ ...closed, awayUntil: "2026-12-01T00:00:00.000Z", awayMessage: "On holiday!" }, ...gb)).toBe("On holiday!");
    expect(availabilityLine({ ...closed, nextOpenAt: "2026-11-24T09:00:00.000Z" }, ...gb)).toBe("Closed now — back Tue 24 Nov, 09:00");
    expect(availabilityLine(closed, ...gb)).toBe("Closed now.");
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

describe("firstName", () => {
  it("takes the first word", () => {
    expect(firstName("  Jane   van Doe ")).toBe("Jane");
    expect(firstName("Prince")).toBe("Prince");
  });
});
