import { describe, expect, it } from "vitest";
import { languageName } from "./languages.ts";

describe("the widget's languages in the owner app", () => {
  it("are named in their own language, with the owner's name for them", () => {
    expect(languageName("de", "en")).toBe("Deutsch (German)");
    expect(languageName("en", "en")).toBe("English");
    expect(languageName("pt", "en")).toMatch(/^português.*\(Brazilian Portuguese\)$/);
  });
});
