// The one global, `window.Beckon`: a function taking a command name and its arguments, the same
// shape as the queue stub so calls made before and after loading look alike.
import type { BeckonEvents, Emitter } from "./events.ts";
import type { View } from "./view-state.ts";
import type { Identity, Shop } from "../shared/shop.ts";

/** The public API, `window.Beckon(command, ...args)`. */
export interface BeckonApi {
  /** Opens the panel; with a channel id ("callback" or "message"), straight at that channel. */
  (command: "open", channel?: string): void;
  /** Closes the panel, or opens it when closed. */
  (command: "close" | "toggle"): void;
  /** Shows the widget in this language ("de", "ar", …), ahead of the shopper's own; see README "Languages". */
  (command: "locale", locale: string): void;
  /** Says who the signed-in shopper is (see the README for the signature); later requests carry it. */
  (command: "identify", identity: Identity): void;
  /** Up to 20 short key/values about the shop's side (order number, cart total, plan); merged with earlier calls. */
  (command: "context", data: Record<string, string | number | boolean>): void;
  /** Adds or removes a handler for one of the events in `BeckonEvents`. */
  <K extends keyof BeckonEvents>(command: "on" | "off", event: K, handler: (detail: BeckonEvents[K]) => void): void;
  /** Set by the real widget (the stub has no such mark): a second copy of the script sees it and stands down. */
  readonly loaded: true;
}

/** What the page asked for: `locale` from `Beckon('locale', …)`; `changed` is set once the widget has started. */
export type PageChoices = { locale?: string; changed?: () => void };

/** Builds the public function. A bad command is logged with console.warn and skipped; it never throws into the page. */
export function createApi(view: Pick<View, "open" | "close" | "toggle">, events: Pick<Emitter, "on" | "off">, choices: PageChoices = {}, shop: Shop = {}): BeckonApi {
  function beckon(command: unknown, ...args: unknown[]) {
    try {
      switch (command) {
        case "open":
          return view.open(args[0] as string | undefined); // an unknown channel shows the list
        case "close":
          return view.close();
        case "toggle":
          return view.toggle();
        case "locale":
          choices.locale = String(args[0]);
          return choices.changed?.();
        // Kept as given; the server checks and trims both (issue #12).
        case "identify":
          return void (shop!.who = { ...(args[0] as object) });
        case "context":
          return void (shop!.data = { ...shop!.data, ...(args[0] as object) });
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
