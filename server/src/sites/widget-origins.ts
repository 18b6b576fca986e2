// Where a site's widget has been loaded: every origin, allowed or refused, with first and last sighting.
// The install page lists them, offers to lock the site to them, and names refused ones in plain words.
import { and, count, desc, eq } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { widgetOrigins } from "../db/schema.ts";
import type { SiteSettings } from "./site-settings.ts";

/** A junk `Origin` header from a script must not grow the table without end. */
export const MAX_ORIGINS_PER_SITE = 100;
// Writing on every page view would turn reads into writes; once a minute per origin is enough.
const SEEN_EVERY_MS = 60_000;

/**
 * Whether a page on `origin` may use the site's widget. A site with no allowed origins is not locked:
 * a new shop's snippet works on the first page that loads it. The lock only stops other sites from
 * reusing the site key in browsers; it is not authentication (anything but a browser can send any Origin).
 */
export function originAllowed(settings: Pick<SiteSettings, "allowedOrigins">, origin: string): boolean {
  const list = settings.allowedOrigins;
  return list.length === 0 || list.some((allowed) => allowed === "*" || allowed === origin);
}

/**
 * The page's origin as the browser stated it on the widget's own request: the `Origin` header when it
 * is a plain http(s) origin, else nothing (`null` from sandboxed frames, junk). For a same-origin GET a
 * browser sends no `Origin` but does send `Sec-Fetch-Site: same-origin` (neither can be set by a page's
 * script): then the page is on our own public origin. `Referer` is never used: a page can trim or drop it.
 */
export function requestOrigin(headers: { origin?: string; secFetchSite?: string }, publicUrl: string): string | null {
  const { origin, secFetchSite } = headers;
  if (origin) {
    try {
      const url = new URL(origin);
      return /^https?:$/.test(url.protocol) && url.origin === origin ? origin : null;
    } catch {
      return null;
    }
  }
  return secFetchSite === "same-origin" ? new URL(publicUrl).origin : null;
}

/** Remembers which origins were written lately, so a busy shop costs one write a minute per origin. */
export type SeenCache = Map<string, number>;

/** Notes that a page on `origin` loaded the site's widget, and whether it was let through. */
export async function recordWidgetOrigin(db: Db, clock: Clock, siteId: number, origin: string, allowed: boolean, recent: SeenCache): Promise<void> {
  const now = clock.now();
  const key = `${siteId} ${allowed ? "+" : "-"}${origin}`;
  if (now.getTime() - (recent.get(key) ?? -Infinity) < SEEN_EVERY_MS) return;
  if (recent.size > 10_000) recent.clear();
  recent.set(key, now.getTime());
  const where = and(eq(widgetOrigins.siteId, siteId), eq(widgetOrigins.origin, origin));
  const updated = await db.update(widgetOrigins).set({ allowed, lastSeenAt: now }).where(where);
  if (updated.rowsAffected > 0) return;
  const [known] = await db.select({ n: count() }).from(widgetOrigins).where(eq(widgetOrigins.siteId, siteId));
  if ((known?.n ?? 0) >= MAX_ORIGINS_PER_SITE) return;
  await db.insert(widgetOrigins).values({ siteId, origin, allowed, firstSeenAt: now, lastSeenAt: now }).onConflictDoNothing();
}

export type SeenOrigin = { origin: string; allowed: boolean; firstSeenAt: string; lastSeenAt: string };

/** Every origin seen for the site, most recent first; `allowed` is judged against the current settings. */
export async function listWidgetOrigins(db: Db, siteId: number, settings: Pick<SiteSettings, "allowedOrigins">): Promise<SeenOrigin[]> {
  const rows = await db.select().from(widgetOrigins).where(eq(widgetOrigins.siteId, siteId)).orderBy(desc(widgetOrigins.lastSeenAt));
  return rows.map((r) => ({
    origin: r.origin,
    allowed: originAllowed(settings, r.origin),
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}
