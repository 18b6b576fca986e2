import { describe, expect, it } from "vitest";
import { storedTheme } from "./theme.ts";

describe("the appearance choice", () => {
  it("reads light or dark from this browser's storage, and falls back to following the system", () => {
    const with_ = (value: string | null) => ({ getItem: () => value });
    expect(storedTheme(with_("dark"))).toBe("dark");
    expect(storedTheme(with_("light"))).toBe("light");
    expect(storedTheme(with_(null))).toBe("auto");
    expect(storedTheme(with_("purple"))).toBe("auto");
    expect(storedTheme({ getItem: () => { throw new Error("blocked"); } })).toBe("auto");
    expect(storedTheme(undefined)).toBe("auto");
  });
});
