import { expect, it } from "vitest";
import { replyTimeText } from "./reply-time.ts";
import { readSettings } from "./site-settings.ts";

const ny = readSettings({ timezone: "America/New_York", replyWithinHours: 2 });

it("promises a reply within the usual time while open", () => {
  expect(replyTimeText(ny, new Date("2026-11-23T15:00:00Z"))).toBe("within 2 hours");
  expect(replyTimeText({ ...ny, replyWithinHours: 1 }, new Date("2026-11-23T15:00:00Z"))).toBe("within 1 hour");
});

it("promises a time after the next opening, in the shopper's zone when known", () => {
  const saturday = new Date("2026-11-21T15:00:00Z");
  expect(replyTimeText(ny, saturday)).toBe("by Monday 11:00 AM (New York time)");
  expect(replyTimeText(ny, saturday, "Europe/Berlin")).toBe("by Monday 5:00 PM");
  expect(replyTimeText(ny, saturday, "Not/AZone")).toBe("by Monday 11:00 AM (New York time)");
});

it("speaks the shopper's language, with its own plural forms and clock", () => {
  const saturday = new Date("2026-11-21T15:00:00Z");
  expect(replyTimeText(ny, saturday, "Europe/Berlin", "de")).toBe("bis Montag, 17:00");
  expect(replyTimeText(ny, saturday, undefined, "de")).toBe("bis Montag, 11:00 (Zeit in New York)");
  expect(replyTimeText(ny, new Date("2026-11-23T15:00:00Z"), undefined, "pl")).toBe("w ciągu 2 godzin");
  expect(replyTimeText(ny, saturday, "Asia/Tokyo", "ja")).toBe("1:00 (火曜日)までに") // Tuesday already in Tokyo;
});

it("counts away mode", () => {
  const away = { ...ny, awayUntil: "2026-11-26T00:00:00-05:00" };
  expect(replyTimeText(away, new Date("2026-11-23T15:00:00Z"))).toBe("by Thursday 11:00 AM (New York time)");
});
