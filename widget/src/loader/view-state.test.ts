import { describe, expect, it, vi } from "vitest";
import { createView } from "./view-state.ts";

function setup(channels = ["callback"]) {
  const emit = vi.fn();
  const view = createView({ emit });
  const draw = vi.fn();
  return { view, emit, draw, attach: () => view.attach(draw, channels) };
}

describe("createView", () => {
  it("records commands before the UI exists, announcing nothing", () => {
    const { view, emit, attach, draw } = setup();
    view.open();
    expect(emit).not.toHaveBeenCalled();
    expect(attach()).toBe(true);
    expect(draw).toHaveBeenCalledOnce();
  });

  it("draws every change and announces open and close once each", () => {
    const { view, emit, attach, draw } = setup();
    attach();
    view.open();
    view.open();
    view.toggle();
    expect(draw).toHaveBeenCalledTimes(4);
    expect(emit.mock.calls).toEqual([
      ["open", { channel: "callback" }],
      ["close", {}],
    ]);
  });

  it("shows the only channel straight away, and falls back to the list for unknown ones", () => {
    const one = setup();
    one.attach();
    one.view.open("chat");
    expect(one.draw).toHaveBeenLastCalledWith({ open: true, channel: "callback" });

    const two = setup(["callback", "message"]);
    two.attach();
    two.view.open("chat");
    expect(two.draw).toHaveBeenLastCalledWith({ open: true, channel: null });
    two.view.show("message");
    expect(two.draw).toHaveBeenLastCalledWith({ open: true, channel: "message" });
    two.view.show(null);
    expect(two.draw).toHaveBeenLastCalledWith({ open: true, channel: null });
  });

  it("opens straight at the chat while it has unread answers; the menu stays one tap away", () => {
    const { view, attach, draw } = setup(["callback", "message", "chat"]);
    attach();
    view.prefer("chat");
    view.toggle();
    expect(draw).toHaveBeenLastCalledWith({ open: true, channel: "chat" });
    view.show(null);
    expect(draw).toHaveBeenLastCalledWith({ open: true, channel: null });
    view.close();
    view.prefer(null);
    view.open();
    expect(draw).toHaveBeenLastCalledWith({ open: true, channel: null });
    view.close();
    // An explicit channel still wins.
    view.prefer("chat");
    view.open("message");
    expect(draw).toHaveBeenLastCalledWith({ open: true, channel: "message" });
  });
});
