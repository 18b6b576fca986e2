// The entry of widget.js: read data-* from our own <script>, stand down if another copy is already
// installed, replace the queue stub with the real API, run what was queued, then start.
import { createApi, runQueue, type BeckonApi } from "./api.ts";
import { createEmitter } from "./events.ts";
import { readOptions, type ScriptTag } from "./options.ts";
import { createView } from "./view-state.ts";
import { start } from "./widget.ts";

export type { BeckonApi } from "./api.ts";
export type { BeckonEvents } from "./events.ts";

declare global {
  interface Window {
    /** Beckon's one global. */
    Beckon: BeckonApi;
  }
}

// Either nothing, the queue stub (a function with `q`, the queued `arguments`), or an installed copy.
const previous = window.Beckon as unknown as { loaded?: true; q?: unknown } | undefined;

if (!previous?.loaded) {
  // currentScript is null only when run outside a classic script; then look for the tag itself.
  const options = readOptions((document.currentScript as ScriptTag | null) ?? document.querySelector<HTMLScriptElement>("script[data-site]"));
  if (typeof options === "string") {
    console.warn(`Beckon: ${options}`);
  } else {
    const events = createEmitter();
    const view = createView(events);
    const api = createApi(view, events);
    window.Beckon = api;
    runQueue(previous?.q, api);
    void start(options, view, events);
  }
}
