import { FIELD_ID } from "@beckon/contract/fields";
import { describe, expect, it } from "vitest";
import { getCountries } from "libphonenumber-js/max";
import { PHONE_COUNTRIES } from "./countries.ts";
import { idFromLabel, toMessageFields } from "./message-field-id.ts";
import { originErrors, parseOrigins } from "./origins.ts";

describe("extra field ids", () => {
  it("makes an id the server accepts from a label", () => {
    const valid = FIELD_ID;
    for (const label of ["Order number", "2nd line", "Café / Crème", "!!!", "A very long label that goes on and on and on"]) {
      expect(idFromLabel(label, [])).toMatch(valid);
    }
    expect(idFromLabel("Order number", [])).toBe("order_number");
    expect(idFromLabel("Café crème", [])).toBe("cafe_creme");
    expect(idFromLabel("!!!", [])).toBe("field");
  });

  it("never repeats an id in use", () => {
    expect(idFromLabel("Order number", ["order_number"])).toBe("order_number_2");
    expect(idFromLabel("Order number", ["order_number", "order_number_2"])).toBe("order_number_3");
  });
});

describe("allowed origins box", () => {
  it("is one origin a line, blank lines ignored", () => {
    expect(parseOrigins(" https://a.example \n\n*\r\nhttp://b.example:8080\n")).toEqual(["https://a.example", "*", "http://b.example:8080"]);
  });

  it("numbers errors by line", () => {
    expect(originErrors({ "allowedOrigins.1": "Use an origin", accent: "x" })).toEqual(["Line 2: Use an origin"]);
  });
});

describe("phone countries", () => {
  it("are the ones the server can read", () => {
    expect(PHONE_COUNTRIES).toEqual(getCountries());
  });
});

describe("extra fields as saved", () => {
  it("keeps saved ids, names new fields from their labels, and drops blank options", () => {
    const saved = toMessageFields([
      { key: 1, id: "order", label: "Order number", type: "text", options: ["stale"], required: true },
      { key: 2, id: "", label: "Order number", type: "choice", options: [" Small ", "", "Large"], required: false },
      { key: 3, id: "", label: "Order number", type: "checkbox", options: [], required: false },
    ]);
    expect(saved.map((f) => f.id)).toEqual(["order", "order_number", "order_number_2"]);
    expect(saved[0]!.options).toEqual([]);
    expect(saved[1]!.options).toEqual(["Small", "Large"]);
    expect(saved[0]).not.toHaveProperty("key");
  });
});
