import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "./sha256.ts";

const node = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString("hex");
const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 255);

describe("plain-JS SHA-256", () => {
  it("matches node's crypto for text, including empty and non-ASCII", () => {
    for (const text of ["", "abc", "3f2a9c?expires=1790000000" + 1234, "Grüße, Zoë — 日本語 🙂", "a".repeat(1000)]) {
      const data = new TextEncoder().encode(text);
      expect(hex(sha256(data)), text).toBe(node(data));
    }
    expect(hex(sha256(new Uint8Array()))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("matches node's crypto on each side of the padding boundaries (55, 56, 64 bytes and the next block)", () => {
    for (const length of [1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 4096]) {
      expect(hex(sha256(bytes(length))), `${length} bytes`).toBe(node(bytes(length)));
    }
  });

  it("reads only the bytes of the view it is given, not the whole buffer behind it", () => {
    const whole = bytes(100);
    expect(hex(sha256(whole.subarray(10, 70)))).toBe(node(whole.subarray(10, 70)));
  });
});
