import { describe, expect, it } from "vitest";
import { callbackAlertText, chatAlertText, MAX_SMS_CHARS } from "./sms-text.ts";
import { gsm7Segments, toGsm7 } from "./gsm7.ts";

const base = {
  ref: "7",
  name: "Jane Doe",
  phone: "+14155550123",
  when: "asap" as const,
  note: "Question about order 1234",
  earlierRequests: 0,
  timezone: "America/New_York",
  link: "http://localhost:8787/admin/requests/0b7d2f0e-1c5e-4a4e-9b1e-2d0a1f5f8c11",
};

describe("callbackAlertText", () => {
  it("names who, the number, when, why and links the request", () => {
    const text = callbackAlertText(base);
    expect(text).toContain("Jane Doe +14155550123");
    expect(text).toContain("When: ASAP");
    expect(text).toContain('"Question about order 1234"');
    expect(text).toContain(base.link);
    expect(text).not.toContain("Returning");
  });

  it("says when the shopper has asked before", () => {
    expect(callbackAlertText({ ...base, earlierRequests: 2 })).toContain("Returning customer (2 earlier requests)");
    expect(callbackAlertText({ ...base, earlierRequests: 1 })).toContain("(1 earlier request)");
  });

  it("shows a scheduled time in the owner's zone", () => {
    const text = callbackAlertText({ ...base, when: new Date("2026-11-24T15:00:00Z") });
    expect(text).toContain("When: Tue 24 Nov 10:00");
  });

  it("stays inside two GSM-7 segments whatever the shopper typed", () => {
    const text = callbackAlertText({
      ...base,
      name: "Łukasz 😀 Żółć {admin}",
      note: "Ünïcödé “quotes” and emoji 🎉🎉 ".repeat(40),
    });
    expect(text.length).toBeLessThanOrEqual(MAX_SMS_CHARS);
    expect(gsm7Segments(text)).toBeLessThanOrEqual(2);
    expect(toGsm7(text)).toBe(text);
    expect(text).toContain("Lukasz Zolc (admin)");
    expect(text).toMatch(/\.\.\."\n/);
  });
});

describe("chatAlertText", () => {
  const link = "https://beckon.example/admin/requests/0b8f6a55-3c1e-4d7e-9a52-1f0e2d3c4b5a";
  it("names a new chat and quotes its first line; a nudge says the shopper wrote again", () => {
    expect(chatAlertText({ ref: "4", name: "Jane", message: "Is the vase in stock?", earlierRequests: 0, link, first: true })).toBe(
      `Chat #4 from Jane\nReply to answer\n"Is the vase in stock?"\n${link}`,
    );
    expect(chatAlertText({ ref: "4", name: undefined, message: "Hello?", earlierRequests: 2, link, first: false })).toMatch(/^Chat #4: A visitor wrote again\n/);
  });
  it("stays within two GSM-7 segments whatever the shopper writes", () => {
    const text = chatAlertText({ ref: "12", name: "Zoë 🌿".repeat(10), message: "🙂 long ".repeat(200), earlierRequests: 3, link, first: true });
    expect(gsm7Segments(text)).toBeLessThanOrEqual(2);
  });
});
