import { describe, expect, it } from "vitest";
import { smsSegments } from "../channels/sms/sms-encoding.ts";
import { OWNER_SMS_HELP, parseOwnerSms } from "./owner-sms-command.ts";

describe("parseOwnerSms", () => {
  it("reads the one-word commands, with or without a #ref, in any case", () => {
    expect(parseOwnerSms("help")).toEqual({ command: "help" });
    expect(parseOwnerSms(" HELP ")).toEqual({ command: "help" });
    expect(parseOwnerSms("Done")).toEqual({ command: "done", ref: null });
    expect(parseOwnerSms("DONE #12")).toEqual({ command: "done", ref: "12" });
    expect(parseOwnerSms("done #12.")).toEqual({ command: "done", ref: "12" });
    expect(parseOwnerSms("call #7")).toEqual({ command: "call", ref: "7" });
  });

  it("treats a sentence as a reply even when it starts with a command word", () => {
    expect(parseOwnerSms("Done! Your order ships today")).toEqual({ command: "reply", ref: null, text: "Done! Your order ships today" });
    expect(parseOwnerSms("Call me at 5")).toEqual({ command: "reply", ref: null, text: "Call me at 5" });
  });

  it("takes a leading #ref off a reply", () => {
    expect(parseOwnerSms("#12 Yes, we have it in blue")).toEqual({ command: "reply", ref: "12", text: "Yes, we have it in blue" });
    expect(parseOwnerSms("#12: ok")).toEqual({ command: "reply", ref: "12", text: "ok" });
    expect(parseOwnerSms("Order #12 is ready")).toEqual({ command: "reply", ref: null, text: "Order #12 is ready" });
  });

  it("reads /shortcut, with or without a #ref, as a saved answer; a slash inside a sentence stays a reply", () => {
    expect(parseOwnerSms("#12 /hours")).toEqual({ command: "answer", ref: "12", shortcut: "hours" });
    expect(parseOwnerSms("/Opening-Times ")).toEqual({ command: "answer", ref: null, shortcut: "opening-times" });
    expect(parseOwnerSms("#12 /hours and more")).toEqual({ command: "reply", ref: "12", text: "/hours and more" });
  });

  it("keeps the help text within two SMS segments", () => {
    expect(smsSegments(OWNER_SMS_HELP)).toBeLessThanOrEqual(2);
  });
});
