import { describe, expect, it } from "vitest";
import { callbackBody, checkCallback, emptyValues, problemFrom } from "./callback.ts";

const filled = { ...emptyValues("2026-11-23T14:00:00.000Z"), name: " Jane Doe ", phone: " 020 7946 0000 " };

describe("checkCallback", () => {
  it("asks for the required fields only", () => {
    expect(checkCallback(emptyValues(), false)).toEqual({ name: "Tell us your name.", phone: "Enter your phone number." });
    expect(checkCallback(filled, false)).toEqual({});
    expect(checkCallback(filled, true)).toEqual({ consent: "Please tick the box so we may call you." });
    expect(checkCallback({ ...filled, when: "pick", slot: "" }, false)).toEqual({ when: "Choose a time." });
  });
});

describe("callbackBody", () => {
  it("sends what the contract asks for, trimmed", () => {
    expect(callbackBody(filled, false)).toEqual({ name: "Jane Doe", phone: "020 7946 0000", when: "asap", company: "" });
    expect(callbackBody({ ...filled, when: "pick", note: " Sofa ", consent: true, company: "Bot Ltd" }, true)).toEqual({
      name: "Jane Doe",
      phone: "020 7946 0000",
      when: "2026-11-23T14:00:00.000Z",
      note: "Sofa",
      consent: true,
      company: "Bot Ltd",
    });
  });
});

describe("problemFrom", () => {
  const failure = (status: number, error: { code: string; message: string; fields?: Record<string, string> }) => ({ ok: false as const, status, error });

  it("puts the server's field messages under the fields", () => {
    const result = failure(400, { code: "validation_failed", message: "Check the form.", fields: { phone: "Enter a valid phone number." } });
    expect(problemFrom(result)).toEqual({ fields: { phone: "Enter a valid phone number." }, alert: "" });
  });

  it("shows messages for fields the form does not have in the alert line", () => {
    const result = failure(400, { code: "validation_failed", message: "Check the form.", fields: { company: "Nope." } });
    expect(problemFrom(result)).toEqual({ fields: {}, alert: "Nope." });
  });

  it("words rate limits kindly and passes other messages through", () => {
    expect(problemFrom(failure(429, { code: "rate_limited", message: "Too many" })).alert).toBe("Too many requests — please try again in a minute.");
    expect(problemFrom(failure(0, { code: "network", message: "We couldn't reach the server." })).alert).toBe("We couldn't reach the server.");
  });
});
