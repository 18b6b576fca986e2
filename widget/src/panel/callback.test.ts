import { describe, expect, it } from "vitest";
import { callbackBody, checkCallback, emptyValues } from "./callback.ts";

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
    expect(callbackBody(filled, false, "")).toEqual({ name: "Jane Doe", phone: "020 7946 0000", when: "asap", company: "" });
    expect(callbackBody({ ...filled, when: "pick", note: " Sofa ", consent: true, company: "Bot Ltd" }, true, "")).toEqual({
      name: "Jane Doe",
      phone: "020 7946 0000",
      when: "2026-11-23T14:00:00.000Z",
      note: "Sofa",
      consent: true,
      company: "Bot Ltd",
    });
  });

  it("carries the shopper's time zone (the browser's by default)", () => {
    expect(callbackBody(filled, false, "Europe/London").timeZone).toBe("Europe/London");
    expect(callbackBody(filled, false).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
