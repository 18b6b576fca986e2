// The `context` member of every submission (issue #12): the page (path and query, without values that
// look like secrets or addresses; the server checks again), its title, the referrer, the shopper's
// language and zone, and what the page said through `identify` and `context`. Panel code.
import type { Shop } from "./shop.ts";

const secretish = /token|secret|pass|auth|session|code|key|sig/i;

export function pageContext(shop: Shop): object {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of [...q]) if (secretish.test(k) || v.includes("@")) q.delete(k);
  const s = `${q}`;
  return {
    page: { url: location.pathname + (s && "?" + s), title: document.title, referrer: document.referrer },
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    identity: shop.who,
    data: shop.data,
  };
}
