import { expect, it } from "vitest";
import { awayLine } from "./away-banner.ts";

it("says until when the shop is away, in the site's zone, only while it is", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  expect(awayLine({ awayUntil: "2026-11-30T14:00:00Z", timezone: "America/New_York" }, now, "en-GB")).toBe("Away until Mon 30 Nov, 09:00");
  expect(awayLine({ awayUntil: "2026-11-26T14:00:00Z", timezone: "America/New_York" }, now)).toBeNull();
  expect(awayLine({ awayUntil: null, timezone: "UTC" }, now)).toBeNull();
});
