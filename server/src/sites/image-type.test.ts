import { expect, it } from "vitest";
import { sniffImageType } from "./image-type.ts";

const hex = (h: string) => Buffer.from(h, "hex");

it("knows an image by its first bytes, whatever it is called", () => {
  expect(sniffImageType(hex("89504e470d0a1a0a0000000d49484452"))).toBe("image/png");
  expect(sniffImageType(hex("ffd8ffe000104a464946"))).toBe("image/jpeg");
  expect(sniffImageType(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("image/webp");
  expect(sniffImageType(Buffer.from("GIF89a\x01\x00", "latin1"))).toBe("image/gif");
});

it("refuses anything else, however it is labelled", () => {
  expect(sniffImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  expect(sniffImageType(Buffer.from("<html><script>alert(1)</script>"))).toBeNull();
  expect(sniffImageType(hex("89504e47"))).toBeNull();
  expect(sniffImageType(new Uint8Array(0))).toBeNull();
});
