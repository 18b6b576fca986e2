// Whether the panel is open and which channel it shows: the one piece of state both the public
// API and the UI change. Kept out of Preact so queued commands work before anything renders.
import type { Emitter } from "./events.ts";

export type ViewState = { open: boolean; channel: string | null };

export type View = {
  /** Opens the panel, at `channel` when given and enabled. */
  open(channel?: string): void;
  close(): void;
  toggle(): void;
  /** Shows a channel, or the list of channels (null), without opening or closing. */
  show(channel: string | null): void;
  /** Where opening without a channel goes while set: the chat, while it has unread answers. */
  prefer(channel: string | null): void;
  /**
   * Starts drawing, closed: from now on every change is rendered and announced. Returns whether a
   * queued command asked for the panel open, so the caller can announce `ready` before opening it.
   */
  attach(draw: (state: ViewState) => void, channels: string[]): boolean;
};

/** The view's state machine; `draw` is called on every change once the UI is attached. */
export function createView(events: Pick<Emitter, "emit">): View {
  let state: ViewState = { open: false, channel: null };
  let draw: ((state: ViewState) => void) | undefined;
  let channels: string[] = [];
  let preferred: string | null = null;

  // One channel means no list to choose from; an unknown or disabled one falls back to the list.
  const resolve = (channel: string | null) =>
    channels.length === 1 ? channels[0]! : channel !== null && channels.includes(channel) ? channel : null;

  const set = (open: boolean, channel: string | null) => {
    const was = state.open;
    state = { open, channel: draw ? resolve(channel) : channel };
    if (!draw) return;
    draw(state);
    if (open && !was) events.emit("open", { channel: state.channel });
    if (!open && was) events.emit("close", {});
  };

  return {
    open: (channel) => set(true, channel ?? (state.open ? state.channel : (preferred ?? state.channel))),
    close: () => set(false, state.channel),
    toggle: () => (state.open ? set(false, state.channel) : set(true, preferred ?? state.channel)),
    show: (channel) => set(state.open, channel),
    prefer: (channel) => void (preferred = channel),
    attach(drawer, enabled) {
      channels = enabled;
      draw = drawer;
      const wanted = state.open;
      state = { open: false, channel: resolve(state.channel) };
      draw(state);
      return wanted;
    },
  };
}
