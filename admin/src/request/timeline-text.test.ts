import { describe, expect, it } from "vitest";
import { notificationText, timelineText } from "./timeline-text.ts";
import type { Notification, TimelineEntry } from "./types.ts";

const entry = (type: string, data: object, actor: { id: number; name: string } | null = { id: 1, name: "Mara" }) =>
  ({ id: 1, type, at: "2026-11-23T15:00:00.000Z", actor, data }) as TimelineEntry;
const note = (over: Partial<Notification>) =>
  ({ id: 1, channel: "sms", audience: "owner", status: "sent", recipient: "+1", attempts: 1, lastError: null, providerId: "SM1", providerStatus: "queued", createdAt: "", updatedAt: "", sentAt: "" , ...over }) as Notification;

describe("request timeline and notifications, in words", () => {
  it("says who changed what", () => {
    expect(timelineText(entry("status", { from: "new", to: "done" }))).toBe("Mara moved it from new to done.");
    expect(timelineText(entry("status", { from: "done", to: "new", reason: "The shopper wrote again." }, null))).toBe("Beckon moved it from done to new. The shopper wrote again.");
    expect(timelineText(entry("reply", { text: "hi" }))).toBe("Mara replied by email:");
  });
  it("shows the provider's word and flags failures", () => {
    expect(notificationText(note({}))).toEqual({ what: "SMS to you", status: "Sent", tone: "ok" });
    expect(notificationText(note({ providerStatus: "delivered" }))).toMatchObject({ status: "Sent", provider: "delivered" });
    expect(notificationText(note({ providerStatus: "undelivered" })).tone).toBe("bad");
    expect(notificationText(note({ status: "not_sent", channel: "email", audience: "shopper" }))).toEqual({ what: "Email to the shopper", status: "Not sent", tone: "off" });
  });
});
