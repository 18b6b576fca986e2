import type { SiteSettings } from "../sites/site-settings.ts";

/**
 * The panel's trust lines (issue #12): the owner's items ("“Lovely plants” — Ann", "Family business
 * since 1998") and, when real answers support it, "Usually answers within 2 hours".
 */
export function trustLines(settings: Pick<SiteSettings, "trustItems">, replyTime: string | null): string[] {
  const items = settings.trustItems.map((t) => (t.by ? `“${t.text}” — ${t.by}` : t.text));
  return replyTime ? [...items, replyTime] : items;
}
