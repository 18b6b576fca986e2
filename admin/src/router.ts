import { useEffect, useState } from "preact/hooks";

export type Navigate = (path: string, opts?: { replace?: boolean }) => void;

const listeners = new Set<() => void>();

/** A page with unsaved work: asked before the app leaves it. */
type LeaveGuard = { message: string; active: () => boolean };
let leaveGuard: LeaveGuard | null = null;
let shownUrl = "";

/**
 * While `active()` says so, leaving the page in the app (a link, the site switcher, back/forward,
 * signing out) asks first, and closing or reloading the tab gets the browser's own warning.
 * Returns the function that lifts the guard.
 */
export function guardLeaving(message: string, active: () => boolean): () => void {
  const guard = { message, active };
  leaveGuard = guard;
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (!active()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  addEventListener("beforeunload", beforeUnload);
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
    removeEventListener("beforeunload", beforeUnload);
  };
}

/** True when nothing would be lost by leaving, or the owner said to leave anyway. */
export function confirmLeaving(): boolean {
  if (!leaveGuard?.active()) return true;
  if (!confirm(leaveGuard.message)) return false;
  leaveGuard = null; // asked once: the redirects that follow (e.g. after signing out) do not ask again
  return true;
}

/** Moves to another page of the app without a reload (after asking, if the page has unsaved work). */
export const navigate: Navigate = (path, opts) => {
  if (!confirmLeaving()) return;
  if (opts?.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  listeners.forEach((fn) => fn());
};

/** The current path and query string; re-renders on navigation and on the browser's back/forward. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({ path: location.pathname.replace(/\/+$/, "") || "/", query: new URLSearchParams(location.search) });
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    shownUrl = location.pathname + location.search;
    const update = () => {
      shownUrl = location.pathname + location.search;
      setLoc(read());
    };
    // Back/forward has already changed the URL: if the owner stays, put back the page they are on.
    const popped = () => {
      if (confirmLeaving()) update();
      else history.pushState(null, "", shownUrl);
    };
    listeners.add(update);
    addEventListener("popstate", popped);
    return () => {
      listeners.delete(update);
      removeEventListener("popstate", popped);
    };
  }, []);
  return loc;
}

/** Matches `/admin/sites/:site/requests/:id` against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      if (!g) return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}

/**
 * Lets pages use plain `<a href="/admin/...">` links: a click on one inside `root` navigates in-app
 * unless the owner asked for a new tab or window.
 */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest?.("a");
    if (!link || link.target || link.hasAttribute("download") || link.origin !== location.origin) return;
    if (!link.pathname.startsWith("/admin")) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
}
