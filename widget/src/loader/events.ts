// The events a host page can listen to. The map is the contract: add an event here first.

/** Events of `Beckon('on', name, handler)`, with the detail each handler receives. */
export interface BeckonEvents {
  /** The site's configuration loaded and the launcher is on the page. A handler added after this fired is called at once. */
  ready: { site: string };
  /** The panel opened; `channel` is the channel on show, or null for the list of channels. */
  open: { channel: string | null };
  /** The panel closed: Escape, its close button, the launcher, or `Beckon('close')`. */
  close: Record<string, never>;
  /** The server accepted a shopper's request; `id` is the request's id. */
  submitted: { channel: string; id: string };
}

export type EventName = keyof BeckonEvents;
export type Handler<K extends EventName> = (detail: BeckonEvents[K]) => void;

export type Emitter = {
  on<K extends EventName>(name: K, handler: Handler<K>): void;
  off<K extends EventName>(name: K, handler: Handler<K>): void;
  emit<K extends EventName>(name: K, detail: BeckonEvents[K]): void;
};

type AnyHandler = (detail: unknown) => void;

/** A typed event emitter whose handlers cannot break the widget: one that throws is logged and skipped. */
export function createEmitter(): Emitter {
  const handlers: Record<EventName, AnyHandler[]> = { ready: [], open: [], close: [], submitted: [] };
  let ready: unknown;

  const list = (name: EventName) => {
    if (!Object.prototype.hasOwnProperty.call(handlers, name)) throw Error(`unknown event "${name}"`);
    return handlers[name];
  };
  const call = (handler: AnyHandler, detail: unknown) => {
    try {
      handler(detail);
    } catch (error) {
      console.warn("Beckon: an event handler threw", error);
    }
  };

  return {
    on(name, handler) {
      if (typeof handler !== "function") throw Error(`"${name}" needs a function`);
      list(name).push(handler as AnyHandler);
      // `ready` is a state as much as an event: a late listener still learns of it.
      if (name === "ready" && ready) call(handler as AnyHandler, ready);
    },
    off(name, handler) {
      const handlers = list(name);
      const at = handlers.indexOf(handler as AnyHandler);
      if (at >= 0) handlers.splice(at, 1);
    },
    emit(name, detail) {
      if (name === "ready") ready = detail;
      for (const handler of list(name).slice()) call(handler, detail);
    },
  };
}
