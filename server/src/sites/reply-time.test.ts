import { expect, it } from "vitest";
import { replyTimeText } from "./reply-time.ts";
import { readSettings } from "./site-settings.ts";

const ny = readSettings({ timezone: "America/New_York", replyWithinHours: 2 });

it("promises a reply within the usual time while open", () => {
  expect(replyTimeText(ny, new Date("2026-11-23T15:00:00Z"))).toBe("within 2 hours");
});

it("promises a time after the next opening, in the shopper's zone when known", () => {
  const saturday = new Date("2026-11-21T15:00:00Z");
  expect(replyTimeText(ny, saturday)).toBe("by Monday 11:00 (New York time)");
  expect(replyTimeText(ny, saturday, "Europe/Berlin")).toBe("by Monday 17:00");
  expect(replyTimeText(ny, saturday, "Not/AZone")).toBe("by Monday 11:00 (New York time)");
});

it("counts away mode", () => {
  const away = { ...ny, awayUntil: "2026-11-26T00:00:00-05:00" };
  expect(replyTimeText(away, new Date("2026-11-23T15:00:00Z"))).toBe("by Thursday 11:00 (New York time)");
});
