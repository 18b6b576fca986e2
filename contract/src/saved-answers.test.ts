import { describe, expect, it } from "vitest";
import { fillSavedAnswer, firstNameOf, unknownPlaceholders } from "./saved-answers.ts";

describe("saved answer placeholders", () => {
  it("fills first name, shop and ref", () => {
    expect(fillSavedAnswer("Hi {first_name}, {shop} is open 9-5 (#{ref}).", { first_name: "Jane", shop: "Mara's Plants", ref: "12" })).toBe(
      "Hi Jane, Mara's Plants is open 9-5 (#12).",
    );
  });
  it("leaves no blank before punctuation without a name", () => {
    expect(fillSavedAnswer("Hi {first_name}, thanks!", { first_name: "", shop: "S", ref: "1" })).toBe("Hi, thanks!");
  });
  it("names unknown placeholders once", () => {
    expect(unknownPlaceholders("{name} {first_name} {name} {Shop}")).toEqual(["name", "Shop"]);
  });
  it("takes the first word of a name", () => {
    expect(firstNameOf("  Jane  Doe ")).toBe("Jane");
    expect(firstNameOf(null)).toBe("");
  });
});
