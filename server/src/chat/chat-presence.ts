import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { sites } from "../db/schema.ts";
import { isOpen } from "../sites/availability.ts";
import type { PublicSite } from "../sites/sites.ts";

/** An open inbox refreshes its mark at least this often (its stream's keep-alive is shorter). */
export const INBOX_PRESENCE_MS = 60_000;

/** Notes that an owner has the site's inbox open right now. */
export async function markInboxOpen(db: Db, siteId: number, now: Date): Promise<void> {
  await db.update(sites).set({ inboxSeenAt: now }).where(eq(sites.id, siteId));
}

/**
 * Chat is live only while someone has the inbox open and it is inside business hours (and not away).
 * Reads the site row the request already loaded: no query of its own on the widget's config path.
 */
export function ownerAvailable(site: Pick<PublicSite, "settings" | "inboxSeenAt">, now: Date): boolean {
  return isOpen(site.settings, now) && !!site.inboxSeenAt && now.getTime() - site.inboxSeenAt.getTime() < INBOX_PRESENCE_MS;
}
