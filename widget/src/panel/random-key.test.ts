import { afterEach, describe, expect, it, vi } from "vitest";
import { newIdempotencyKey } from "./random-key.ts";

// What the server accepts as an Idempotency-Key.
const accepted = /^[A-Za-z0-9_\-:.]{8,128}$/;

afterEach(() => vi.unstubAllGlobals());

describe("newIdempotencyKey", () => {
  it("makes a fresh, acceptable key each time", () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(accepted);
  });

  it("works without randomUUID (pages served over plain http)", () => {
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (a: Uint8Array<ArrayBuffer>) => real.getRandomValues(a) });
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
  });
});
