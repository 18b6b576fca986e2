// The `context` member of every new request (issue #12): the page (path and query, without values that
// look like secrets or addresses; the server checks again), its title, the referrer, the shopper's
// language, and what the page said through `identify` and `context`. The zone goes as the forms'
// own `timeZone`. Panel code: every byte counts.
import type { Shop } from "../shared/shop.ts";

export function pageContext(shop: Shop): object {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of [...q]) if (/token|secret|pass|auth|session|code|key|sig|@/i.test(k + v)) q.delete(k);
  return {
    page: { url: location.pathname + "?" + q, title: document.title, referrer: document.referrer },
    locale: navigator.language,
    identity: shop.who,
    data: shop.data,
  };
}
