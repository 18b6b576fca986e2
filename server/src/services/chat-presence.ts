import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { sites } from "../db/schema.ts";
import { isOpen } from "./availability.ts";
import type { Site } from "./sites.ts";

/** An open inbox refreshes its mark at least this often (its stream's keep-alive is shorter). */
export const INBOX_PRESENCE_MS = 60_000;

/** Notes that an owner has the site's inbox open right now. */
export async function markInboxOpen(db: Db, siteId: number, now: Date): Promise<void> {
  await db.update(sites).set({ inboxSeenAt: now }).where(eq(sites.id, siteId));
}

/** Chat is live only while someone has the inbox open and it is inside business hours (and not away). */
export async function ownerAvailable(db: Db, site: Site, now: Date): Promise<boolean> {
  if (!isOpen(site.settings, now)) return false;
  const [row] = await db.select({ seen: sites.inboxSeenAt }).from(sites).where(eq(sites.id, site.id));
  return !!row?.seen && now.getTime() - row.seen.getTime() < INBOX_PRESENCE_MS;
}
