import { describe, expect, it } from "vitest";
import { arrivalAnnouncement, loyaltyLabel, matchesFilters, requestLine, requestNumberLabel } from "./describe.ts";
import type { RequestSummary } from "./types.ts";

const base: RequestSummary = {
  id: "r1",
  ref: "7",
  kind: "callback",
  status: "new",
  spam: null,
  createdAt: "2026-11-23T15:00:00.000Z",
  updatedAt: "2026-11-23T15:00:00.000Z",
  name: "Jane Doe",
  phone: "+14155550123",
  email: null,
  when: "2026-11-23T19:30:00.000Z",
  note: null,
  callOutcome: null,
  gist: null,
  repeat: null,
  standing: null,
  vip: false,
  identity: null,
  page: null,
  customer: { id: 1, requestCount: 3, requestNumber: 3, firstSeenAt: "2024-05-01T10:00:00.000Z", returning: true },
};

describe("inbox descriptions", () => {
  it("says how and when to call back, in the site's time zone", () => {
    expect(requestLine(base, "America/New_York", "en-GB")).toBe("+1 415 555 0123 · call Mon 23 Nov, 14:30");
    expect(requestLine({ ...base, when: "asap" }, "UTC")).toBe("+1 415 555 0123 · call as soon as possible");
    expect(requestLine({ ...base, kind: "message", email: "jane@example.com" }, "UTC")).toBe("jane@example.com");
  });
  it("marks returning customers with their request number", () => {
    expect(loyaltyLabel(base)).toBe("Returning · 3rd request");
    expect(loyaltyLabel({ ...base, customer: { ...base.customer, returning: false, requestNumber: 1 } })).toBeNull();
    expect(requestNumberLabel(base)).toBe("3rd request");
    expect(requestNumberLabel({ ...base, customer: { ...base.customer, returning: false, requestNumber: 1 } })).toBe("First request");
  });
  it("announces arrivals and filters live rows like the server would", () => {
    expect(arrivalAnnouncement(base)).toBe("New call-back request from Jane Doe.");
    expect(arrivalAnnouncement({ ...base, kind: "chat", name: "" })).toBe("New chat from a visitor.");
    expect(matchesFilters(base, { status: "", kind: "" })).toBe(true);
    expect(matchesFilters(base, { status: "done", kind: "" })).toBe(false);
    expect(matchesFilters(base, { status: "new", kind: "message" })).toBe(false);
  });
});
