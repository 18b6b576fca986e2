import { describe, expect, it } from "vitest";
import { themeFor } from "./contrast.ts";

describe("themeFor", () => {
  it("keeps white text on the default accent (AA)", () => {
    expect(themeFor("#1f6f5c")).toEqual({ "--beckon-accent": "#1f6f5c", "--beckon-on-accent": "#ffffff", "--beckon-focus": "#1f6f5c" });
  });

  it("switches to dark text and a dark focus ring on a pale accent", () => {
    expect(themeFor("#ffd84d")).toMatchObject({ "--beckon-on-accent": "#1a1a1a", "--beckon-focus": "#1a1a1a" });
    expect(themeFor("#f5c542")["--beckon-on-accent"]).toBe("#1a1a1a");
  });

  it("uses the text colour the server chose for the accent", () => {
    expect(themeFor("#f5c542", "#1a1a1a")).toMatchObject({ "--beckon-accent": "#f5c542", "--beckon-on-accent": "#1a1a1a" });
    expect(themeFor("#1f6f5c", "#ffffff")["--beckon-on-accent"]).toBe("#ffffff");
  });
});
