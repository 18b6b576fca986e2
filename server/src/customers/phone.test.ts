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

describe("numbers from anywhere", () => {
  it("reads a national number against the country the shopper chose, not the site's", () => {
    expect(parsePhone("0151 23456789", "DE")).toMatchObject({ ok: true, e164: "+4915123456789", country: "DE" });
    expect(parsePhone("090-1234-5678", "JP")).toMatchObject({ ok: true, e164: "+819012345678", country: "JP" });
    expect(parsePhone("0151 23456789", "US").ok).toBe(false);
  });

  it("reads Arabic-Indic, Persian and full-width digits", () => {
    expect(parsePhone("٠١٥١ ٢٣٤٥٦٧٨٩", "DE")).toMatchObject({ ok: true, e164: "+4915123456789" });
    expect(parsePhone("۰۹۱۲ ۳۴۵ ۶۷۸۹", "IR")).toMatchObject({ ok: true, e164: "+989123456789" });
    expect(parsePhone("０９０-１２３４-５６７８", "JP")).toMatchObject({ ok: true, e164: "+819012345678" });
    expect(parsePhone("＋８１ ９０ １２３４ ５６７８", "US")).toMatchObject({ ok: true, e164: "+819012345678" });
  });

  it("names the chosen country's format when a national number does not fit it", () => {
    const result = parsePhone("0151 2345", "DE");
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("Germany (e.g. 01512 3456789)") });
  });
});
