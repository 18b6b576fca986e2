// The one global, `window.Beckon`: a function taking a command name and its arguments, the same
// shape as the queue stub so calls made before and after loading look alike.
import type { BeckonEvents, Emitter } from "./events.ts";
import type { View } from "./view-state.ts";

/** The public API, `window.Beckon(command, ...args)`. */
export interface BeckonApi {
  /** Opens the panel; with a channel id ("callback" or "message"), straight at that channel. */
  (command: "open", channel?: string): void;
  /** Closes the panel, or opens it when closed. */
  (command: "close" | "toggle"): void;
  /** Adds or removes a handler for one of the events in `BeckonEvents`. */
  <K extends keyof BeckonEvents>(command: "on" | "off", event: K, handler: (detail: BeckonEvents[K]) => void): void;
  /** Set by the real widget (the stub has no such mark): a second copy of the script sees it and stands down. */
  readonly loaded: true;
}

/** Builds the public function. A bad command is logged with console.warn and skipped; it never throws into the page. */
export function createApi(view: Pick<View, "open" | "close" | "toggle">, events: Pick<Emitter, "on" | "off">): BeckonApi {
  function beckon(command: unknown, ...args: unknown[]) {
    try {
      switch (command) {
        case "open":
          return view.open(args[0] as string | undefined); // an unknown channel shows the list
        case "close":
          return view.close();
        case "toggle":
          return view.toggle();
        case "on":
        case "off":
          return events[command](args[0] as keyof BeckonEvents, args[1] as () => void);
        default:
          throw Error(`unknown command "${command}"`);
      }
    } catch (error) {
      console.warn("Beckon:", error instanceof Error ? error.message : error);
    }
  }
  beckon.loaded = true as const;
  return beckon as BeckonApi;
}

/** Runs the commands the stub queued (`Beckon.q`, a list of `arguments` objects), in order. */
export function runQueue(queue: unknown, api: BeckonApi): void {
  if (!Array.isArray(queue)) return;
  const call = api as unknown as (...args: unknown[]) => void;
  for (const args of queue) {
    // `api` already logs and skips a bad command; this guards against an entry that is not a list at all.
    try {
      call(...Array.from(args as ArrayLike<unknown>));
    } catch (error) {
      console.warn("Beckon:", error);
    }
  }
}
