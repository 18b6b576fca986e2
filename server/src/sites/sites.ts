import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { sites } from "../db/schema.ts";
import type { SiteSettings } from "./site-settings.ts";
import { settingsCache } from "./settings-cache.ts";
import { prepared } from "../db/prepared.ts";

export type Site = { id: number; key: string; name: string; ownerPhone: string | null; settings: SiteSettings };
/** A site as the public API loads it: also when its photo changed and when an inbox was last open. */
export type PublicSite = Site & { photoUpdatedAt: Date | null; inboxSeenAt: Date | null };

const parsedSettings = settingsCache();
const siteByKey = prepared((db) =>
  db
    .select({ id: sites.id, key: sites.key, name: sites.name, ownerPhone: sites.ownerPhone, settings: sql<string | null>`${sites.settings}`, photoUpdatedAt: sites.photoUpdatedAt, inboxSeenAt: sites.inboxSeenAt })
    .from(sites)
    .where(eq(sites.key, sql.placeholder("key")))
    .prepare(),
);

/** Finds a site by its public key, with its settings parsed (shared and frozen while unchanged); undefined if there is none. */
export async function findSiteByKey(db: Db, key: string): Promise<PublicSite | undefined> {
  const [row] = await siteByKey(db).all({ key });
  return row && { ...row, settings: parsedSettings(row.settings) };
}

/**
 * Makes sure the demo site exists. Its allowed origins always include the server's own origin, so the
 * demo shop works whatever PUBLIC_URL is; `ownerPhone` (OWNER_PHONE) replaces the stored one when given.
 */
export async function ensureDemoSite(db: Db, opts: { publicUrl: string; ownerPhone: string | undefined }): Promise<Site> {
  const origins = demoOrigins(opts.publicUrl);
  const existing = await findSiteByKey(db, "demo");
  if (!existing) {
    const settings: Partial<SiteSettings> = {
      greeting: "Hi! We're a two-person shop. Ask us anything.",
      timezone: "America/New_York",
      phoneCountry: "US",
      channels: ["callback", "message", "chat"],
      allowedOrigins: origins,
    };
    await db.insert(sites).values({ key: "demo", name: "Fern & Thistle", ownerPhone: opts.ownerPhone ?? null, settings });
  } else {
    const allowedOrigins = [...existing.settings.allowedOrigins, ...origins.filter((o) => !existing.settings.allowedOrigins.includes(o))];
    await db
      .update(sites)
      .set({ settings: { ...existing.settings, allowedOrigins }, ...(opts.ownerPhone && { ownerPhone: opts.ownerPhone }) })
      .where(eq(sites.id, existing.id));
  }
  return (await findSiteByKey(db, "demo"))!;
}

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The server's own origin; on a loopback address, every spelling of it with the same port, so the demo
 * shop opened as http://127.0.0.1:8787/demo/ shows its launcher like http://localhost:8787/demo/ does.
 */
export function demoOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK.includes(url.hostname)) return [url.origin];
  return LOOPBACK.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
}
