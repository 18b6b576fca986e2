import { describe, expect, it } from "vitest";
import { parsePhone } from "./phone.ts";

describe("parsePhone", () => {
  it("reads national numbers against the site's country", () => {
    expect(parsePhone("(415) 555-0123", "US")).toEqual({ ok: true, e164: "+14155550123", country: "US" });
    expect(parsePhone("020 7946 0958", "GB")).toMatchObject({ ok: true, e164: "+442079460958" });
  });
  it("keeps international numbers whatever the site's country", () => {
    expect(parsePhone("+49 30 901820", "US")).toMatchObject({ ok: true, e164: "+4930901820" });
  });
  it("rejects impossible numbers and letters with a message", () => {
    expect(parsePhone("123", "US").ok).toBe(false);
    expect(parsePhone("+1 000 000 0000", "US").ok).toBe(false);
    expect(parsePhone("call me maybe", "US")).toMatchObject({ ok: false, message: expect.stringContaining("digits") });
    expect(parsePhone("  ", "US")).toEqual({ ok: false, message: "Enter your phone number." });
  });
});
