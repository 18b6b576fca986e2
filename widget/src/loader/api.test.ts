import { afterEach, describe, expect, it, vi } from "vitest";
import { createApi, runQueue } from "./api.ts";
import { createEmitter } from "./events.ts";
import { createView } from "./view-state.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

function setup() {
  const events = createEmitter();
  const view = { open: vi.fn(), close: vi.fn(), toggle: vi.fn() };
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return { api: createApi(view, events), view, events, warn };
}

describe("window.Beckon", () => {
  it("dispatches commands to the view and the events", () => {
    const { api, view } = setup();
    api("open", "callback");
    api("close");
    api("toggle");
    expect(view.open).toHaveBeenCalledWith("callback");
    expect(view.close).toHaveBeenCalledOnce();
    expect(view.toggle).toHaveBeenCalledOnce();
  });

  it("logs and skips a bad command instead of throwing into the page", () => {
    const { api, warn } = setup();
    expect(() => (api as unknown as (c: string) => void)("explode")).not.toThrow();
    expect(() => api("on", "nope" as "open", () => {})).not.toThrow();
    expect(() => api("on", "open", "not a function" as never)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]).toEqual(["Beckon:", 'unknown command "explode"']);
  });

  it("is marked as loaded, unlike the stub", () => {
    expect(setup().api.loaded).toBe(true);
  });
});

describe("runQueue", () => {
  it("runs queued `arguments` in order, and a bad one does not stop the rest", () => {
    const { api, view, events, warn } = setup();
    const seen: string[] = [];
    const args = (...a: unknown[]) => a; // stands in for the stub's `arguments` objects
    runQueue([args("on", "ready", (d: { site: string }) => seen.push(d.site)), args("bogus"), args("open", "callback"), null, args("close")], api);
    expect(view.open).toHaveBeenCalledWith("callback");
    expect(view.close).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledTimes(2); // "bogus" and the null entry
    events.emit("ready", { site: "demo" });
    expect(seen).toEqual(["demo"]);
  });

  it("ignores a missing queue", () => {
    const { api, view } = setup();
    runQueue(undefined, api);
    expect(view.open).not.toHaveBeenCalled();
  });

  it("with the real view: a queued open is honoured when the UI attaches", () => {
    const events = createEmitter();
    const view = createView(events);
    runQueue([["open", "callback"]], createApi(view, events));
    const draw = vi.fn();
    expect(view.attach(draw, ["callback"])).toBe(true);
    expect(draw).toHaveBeenLastCalledWith({ open: false, channel: "callback" });
  });
});
