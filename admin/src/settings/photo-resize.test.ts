import { expect, it } from "vitest";
import { centreSquare } from "./photo-resize.ts";

it("crops the centre square of a landscape or portrait photo and scales it to 256 px", () => {
  expect(centreSquare(4032, 3024)).toEqual({ sx: 504, sy: 0, side: 3024, out: 256 });
  expect(centreSquare(1080, 1920)).toEqual({ sx: 0, sy: 420, side: 1080, out: 256 });
});

it("never enlarges a small picture", () => {
  expect(centreSquare(100, 80)).toEqual({ sx: 10, sy: 0, side: 80, out: 80 });
});
