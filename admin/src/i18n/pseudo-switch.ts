// The pseudo-locale switch, read once. main.ts imports this module first, before anything that looks a
// text up (some modules build their labels as they load), so the choice holds for every string.
// `?pseudo=1` turns it on and remembers it in this browser; `?pseudo=0` turns it off again.
import { setPseudoLocale } from "./t.ts";

const KEY = "beckon.pseudo";

/** Whether this page should show the pseudo-locale. */
export function wantsPseudo(search: string, storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined): boolean {
  const asked = new URLSearchParams(search).get("pseudo");
  try {
    if (asked === "1") storage?.setItem(KEY, "1");
    if (asked === "0") storage?.removeItem(KEY);
    return storage?.getItem(KEY) === "1";
  } catch {
    return asked === "1";
  }
}

setPseudoLocale(typeof location === "undefined" ? false : wantsPseudo(location.search, globalThis.localStorage));
