import { describe, expect, it, vi } from "vitest";
import { createApi, runQueue } from "./api.ts";
import { createEmitter } from "./events.ts";
import type { Shop } from "../shared/shop.ts";

describe("identify and context (issue #12)", () => {
  it("keeps the identity and merges context calls, also from the queue stub", () => {
    const shop: Shop = {};
    const api = createApi({ open: vi.fn(), close: vi.fn(), toggle: vi.fn() }, createEmitter(), {}, shop);
    runQueue([["identify", { id: "7", name: "Jane", signature: "ab" }], ["context", { order: "1042" }]], api);
    api("context", { cart: "$64" });
    expect(shop).toEqual({ who: { id: "7", name: "Jane", signature: "ab" }, data: { order: "1042", cart: "$64" } });
    api("identify", { id: "8" });
    expect(shop.who).toEqual({ id: "8" });
  });
});
