import { describe, expect, it } from "vitest";
import { contrastWithWhite, themeFor } from "./contrast.ts";

describe("themeFor", () => {
  it("keeps white text on the default accent (AA)", () => {
    expect(contrastWithWhite("#1f6f5c")).toBeGreaterThan(4.5);
    expect(themeFor("#1f6f5c")).toEqual({ "--beckon-accent": "#1f6f5c", "--beckon-on-accent": "#fff", "--beckon-focus": "#1f6f5c" });
  });

  it("switches to dark text and a dark focus ring on a pale accent", () => {
    expect(themeFor("#ffd84d")).toMatchObject({ "--beckon-on-accent": "#1a1a1a", "--beckon-focus": "#1a1a1a" });
  });
});
