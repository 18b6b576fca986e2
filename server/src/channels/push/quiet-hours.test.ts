import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours.ts";

const night = { from: "22:00", to: "07:00" };

describe("quietUntil", () => {
  it("holds an alert in overnight quiet hours until they end, in the site's zone", () => {
    // 23:30 in Berlin (UTC+1 in November): quiet until 07:00 the next morning.
    expect(quietUntil(new Date("2026-11-23T22:30:00Z"), "Europe/Berlin", night)?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
    // 06:59 the next morning: still quiet, one minute left.
    expect(quietUntil(new Date("2026-11-24T05:59:00Z"), "Europe/Berlin", night)?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
  });

  it("lets an alert through outside quiet hours, or with none", () => {
    expect(quietUntil(new Date("2026-11-24T06:00:00Z"), "Europe/Berlin", night)).toBeNull();
    expect(quietUntil(new Date("2026-11-23T12:00:00Z"), "Europe/Berlin", night)).toBeNull();
    expect(quietUntil(new Date("2026-11-23T22:30:00Z"), "Europe/Berlin", null)).toBeNull();
  });
});
