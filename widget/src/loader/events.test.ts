import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmitter } from "./events.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createEmitter", () => {
  it("calls handlers with the detail, and off removes one", () => {
    const events = createEmitter();
    const a = vi.fn();
    const b = vi.fn();
    events.on("submitted", a);
    events.on("submitted", b);
    events.emit("submitted", { channel: "callback", id: "r1" });
    events.off("submitted", a);
    events.emit("submitted", { channel: "callback", id: "r2" });
    expect(a.mock.calls).toEqual([[{ channel: "callback", id: "r1" }]]);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it("keeps going when a handler throws", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const events = createEmitter();
    const after = vi.fn();
    events.on("open", () => {
      throw new Error("host bug");
    });
    events.on("open", after);
    events.emit("open", { channel: null });
    expect(after).toHaveBeenCalledOnce();
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it("tells a late `ready` listener at once", () => {
    const events = createEmitter();
    events.emit("ready", { site: "demo" });
    const late = vi.fn();
    events.on("ready", late);
    expect(late).toHaveBeenCalledWith({ site: "demo" });
  });

  it("refuses unknown events and non-function handlers", () => {
    const events = createEmitter();
    expect(() => events.on("toString" as "open", () => {})).toThrow(/unknown event/);
    expect(() => events.on("open", 42 as never)).toThrow(/function/);
  });
});
