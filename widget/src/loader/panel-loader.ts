// Getting the panel (widget-panel.js) on the page: once, when it is first wanted, and ahead of time
// when that costs the shopper nothing (the browser is idle after load, or the pointer is on the launcher).
import type { LauncherWords } from "./config.ts";
import type { MountPanel } from "../panel-host.ts";

export type ImportPanel = (url: string) => Promise<{ mount: MountPanel }>;

/**
 * Returns `load()`: the panel's mount function, imported at most once. A failed import is forgotten,
 * and the next attempt asks for a new URL, because browsers remember a module that failed to load.
 */
export function panelLoader(url: string, importPanel: ImportPanel = (u) => import(/* @vite-ignore */ u)) {
  let loading: Promise<MountPanel> | undefined;
  let failures = 0;
  return (): Promise<MountPanel> =>
    (loading ??= importPanel(failures ? `${url}${url.includes("?") ? "&" : "?"}retry=${failures}` : url).then(
      (module) => module.mount,
      (error) => {
        loading = undefined;
        failures++;
        throw error;
      },
    ));
}

/** Runs `task` once the page has loaded and the browser is idle (or after a few seconds without an idle callback). */
export function whenIdle(task: () => void): void {
  const later = () => ("requestIdleCallback" in window ? requestIdleCallback(task, { timeout: 5e3 }) : setTimeout(task, 2e3));
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

/**
 * What the shopper sees if the panel cannot load (offline, a blocked script): a short message in the
 * panel's place, so the launcher is never a button that does nothing. Escape closes it.
 */
export function fallbackPanel(title: string, onClose: () => void, words: LauncherWords = {}): HTMLElement {
  const panel = document.createElement("section");
  panel.id = "beckon-panel";
  panel.className = "panel";
  panel.tabIndex = -1;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", title);
  const line = document.createElement("p");
  line.setAttribute("role", "alert");
  line.textContent = words.loadFailed || "This did not load.";
  panel.append(line);
  panel.addEventListener("keydown", (event) => event.key === "Escape" && onClose());
  return panel;
}
