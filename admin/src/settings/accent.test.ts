import { describe, expect, it } from "vitest";
import { textOnAccent } from "@beckon/contract/contrast";
import { checkAccent, formatRatio, normalizeHex } from "./accent.ts";

describe("accent colour check", () => {
  it("reads the ways people write colours", () => {
    expect(normalizeHex("#1F6F5C")).toBe("#1f6f5c");
    expect(normalizeHex("1f6f5c")).toBe("#1f6f5c");
    expect(normalizeHex(" #abc ")).toBe("#aabbcc");
    expect(normalizeHex("green")).toBeNull();
    expect(normalizeHex("#12345")).toBeNull();
  });

  it("chooses white or dark text by contrast, as the widget will", () => {
    expect(checkAccent("#1f6f5c")).toMatchObject({ text: "#ffffff", passes: true });
    expect(checkAccent("#f5c542")).toMatchObject({ text: "#1a1a1a", passes: true });
    expect(checkAccent("#ffee00")).toMatchObject({ text: "#1a1a1a", passes: true });
    // #767676 is the classic just-passing grey with white text; #777777 passes with neither.
    expect(checkAccent("#767676")).toMatchObject({ text: "#ffffff", passes: true });
    expect(checkAccent("#777777")!.passes).toBe(false);
    expect(checkAccent("nope")).toBeNull();
  });

  it("passes and fails exactly where the contract's rule (which the server's schema applies) does", () => {
    for (const hex of ["#1f6f5c", "#f5c542", "#767676", "#777777", "#808080", "#6b2fa3", "#ff0000"]) {
      expect(checkAccent(hex)!.passes, hex).toBe(textOnAccent(hex).passes);
    }
  });

  it("never shows a failing ratio rounded up to a pass", () => {
    const ratio = checkAccent("#777777")!.ratio;
    expect(ratio).toBeLessThan(4.5);
    expect(formatRatio(4.46)).toBe("4.4:1");
    expect(formatRatio(21)).toBe("21.0:1");
  });
});
