import { paths } from "../pages/page.ts";
import type { Filters } from "./filters.ts";

const KEYS = ["status", "kind", "q", "repeat", "sort"] as const;

/** The inbox filters a URL's query asks for; anything missing means "all". */
export function filtersFromQuery(query: URLSearchParams): Filters {
  const repeat = query.get("repeat");
  const sort = query.get("sort");
  return { status: query.get("status") ?? "", kind: query.get("kind") ?? "", q: query.get("q") ?? "", ...(repeat && { repeat }), ...(sort && { sort }) };
}

function search(filters: Filters, before?: string): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  if (before) params.set("before", before);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The inbox page's own address with these filters, so reload and back keep them. */
export function inboxHref(site: string, filters: Filters): string {
  return paths.inbox(site) + search(filters);
}

/** The owner API path of one page of the inbox list (`before` is the previous page's nextCursor). */
export function listPath(site: string, filters: Filters, before?: string): string {
  return `/sites/${encodeURIComponent(site)}/requests${search(filters, before)}`;
}
