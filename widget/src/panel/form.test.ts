import { describe, expect, it } from "vitest";
import { isCallbackField } from "./callback.ts";
import { problemFrom, waitText } from "./form.ts";
import { isMessageField } from "./message.ts";

const failure = (status: number, error: { code: string; message: string; fields?: Record<string, string> }) => ({ ok: false as const, status, error });

describe("waitText", () => {
  it("states the real wait from Retry-After", () => {
    expect(waitText(1)).toBe("in 1 second");
    expect(waitText(40)).toBe("in 40 seconds");
    expect(waitText(60)).toBe("in 1 minute");
    expect(waitText(170)).toBe("in 3 minutes");
    expect(waitText(3600)).toBe("in 60 minutes");
    expect(waitText(7200)).toBe("in 2 hours");
  });

  it("says so after a 429 with Retry-After, and marks the problem so other channels are offered", () => {
    const result = { ok: false as const, status: 429, error: { code: "rate_limited", message: "Too many" }, retryAfter: 170 };
    expect(problemFrom(result, isCallbackField)).toEqual({ fields: {}, alert: "Too many requests right now. Please try again in 3 minutes.", limited: true });
  });
});

describe("problemFrom", () => {
  it("puts the server's field messages under the fields", () => {
    const result = failure(400, { code: "validation_failed", message: "Check the form.", fields: { phone: "Enter a valid phone number." } });
    expect(problemFrom(result, isCallbackField)).toEqual({ fields: { phone: "Enter a valid phone number." }, alert: "" });
  });

  it("shows messages for fields the form does not have in the alert line", () => {
    const result = failure(400, { code: "validation_failed", message: "Check the form.", fields: { company: "Nope." } });
    expect(problemFrom(result, isCallbackField)).toEqual({ fields: {}, alert: "Nope." });
  });

  it("places an extra field's error, keyed fields.<id> as the server keys it, only when the form has that field", () => {
    const extras = [{ id: "order", label: "Order number", type: "text" as const, options: [], required: true }];
    const result = failure(400, {
      code: "validation_failed",
      message: "Please check the highlighted fields.",
      fields: { email: "Enter a valid email address, like you@example.com.", "fields.order": 'Please fill in "Order number".', "fields.gone": "Old." },
    });
    expect(problemFrom(result, isMessageField(extras))).toEqual({
      fields: { email: "Enter a valid email address, like you@example.com.", "fields.order": 'Please fill in "Order number".' },
      alert: "Old.",
    });
  });

  it("words rate limits kindly and passes other messages through", () => {
    expect(problemFrom(failure(429, { code: "rate_limited", message: "Too many" }), isCallbackField)).toEqual({
      fields: {},
      alert: "Too many requests right now. Please try again in a few minutes.",
      limited: true,
    });
    expect(problemFrom(failure(0, { code: "network", message: "We couldn't reach the server." }), isCallbackField).alert).toBe("We couldn't reach the server.");
  });
});
