import { afterEach, describe, expect, it } from "vitest";
import { forgetChat, readChat, saveChat } from "./chat-store.ts";

const g = globalThis as { localStorage?: unknown };
afterEach(() => delete g.localStorage);

describe("the stored chat", () => {
  it("round-trips through localStorage under the site's own key", () => {
    const items = new Map<string, string>();
    g.localStorage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v), removeItem: (k: string) => items.delete(k) };
    expect(readChat("demo")).toBeNull();
    saveChat("demo", { id: "c1", token: "t".repeat(40) });
    expect([...items.keys()]).toEqual(["beckon:demo:chat"]);
    expect(readChat("demo")).toEqual({ id: "c1", token: "t".repeat(40) });
    expect(readChat("other")).toBeNull();
    forgetChat("demo");
    expect(readChat("demo")).toBeNull();
  });

  it("survives storage that throws or holds junk", () => {
    const boom = () => {
      throw new Error("SecurityError");
    };
    g.localStorage = { getItem: boom, setItem: boom, removeItem: boom };
    expect(() => saveChat("demo", { id: "c1", token: "x" })).not.toThrow();
    expect(readChat("demo")).toBeNull();
    expect(() => forgetChat("demo")).not.toThrow();
    g.localStorage = { getItem: () => "{not json", setItem() {}, removeItem() {} };
    expect(readChat("demo")).toBeNull();
  });
});
