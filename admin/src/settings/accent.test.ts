import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../../server/src/services/contrast.ts";
import { checkAccent, formatRatio, normalizeHex } from "./accent.ts";

describe("accent colour check", () => {
  it("reads the ways people write colours", () => {
    expect(normalizeHex("#1F6F5C")).toBe("#1f6f5c");
    expect(normalizeHex("1f6f5c")).toBe("#1f6f5c");
    expect(normalizeHex(" #abc ")).toBe("#aabbcc");
    expect(normalizeHex("green")).toBeNull();
    expect(normalizeHex("#12345")).toBeNull();
  });

  it("passes and fails exactly where the server does (4.5:1 with white text)", () => {
    expect(checkAccent("#1f6f5c")).toMatchObject({ passes: true });
    expect(checkAccent("#ffee00")).toMatchObject({ passes: false });
    // #767676 is the classic just-passing grey; #777777 just fails.
    expect(checkAccent("#767676")!.passes).toBe(contrastRatio("#767676", "#ffffff") >= 4.5);
    expect(checkAccent("#767676")!.passes).toBe(true);
    expect(checkAccent("#777777")!.passes).toBe(false);
    expect(checkAccent("nope")).toBeNull();
  });

  it("never shows a failing ratio rounded up to a pass", () => {
    const ratio = checkAccent("#777777")!.ratio;
    expect(ratio).toBeGreaterThan(4.45);
    expect(formatRatio(ratio)).toBe("4.4:1");
    expect(formatRatio(21)).toBe("21.0:1");
  });
});
