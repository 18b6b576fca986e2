import { describe, expect, it } from "vitest";
import { isCallbackField } from "./callback.ts";
import { problemFrom } from "./form.ts";
import { isMessageField } from "./message.ts";

const failure = (status: number, error: { code: string; message: string; fields?: Record<string, string> }) => ({ ok: false as const, status, error });

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
    expect(problemFrom(failure(429, { code: "rate_limited", message: "Too many" }), isCallbackField).alert).toBe("Too many requests — please try again in a minute.");
    const wait = "Too many requests. Please try again in 7 minutes.";
    expect(problemFrom(failure(429, { code: "rate_limited", message: wait }), isCallbackField).alert).toBe(wait);
    expect(problemFrom(failure(0, { code: "network", message: "We couldn't reach the server." }), isCallbackField).alert).toBe("We couldn't reach the server.");
  });
});
