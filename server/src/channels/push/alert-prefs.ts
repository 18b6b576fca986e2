import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { siteMembers, type AlertVia } from "../../db/schema.ts";
import { NotFound } from "../../domain-errors.ts";
import { clockTime, type QuietHours } from "./quiet-hours.ts";

/** One person's alert preferences on one site. */
export type AlertPrefs = { via: AlertVia; quiet: QuietHours | null };

const time = z.string().trim().regex(clockTime, "Use a time like 22:00.");
export const alertPrefsInput = z.object({
  via: z.enum(["push", "sms", "both"], { message: "Choose push, SMS, or both." }),
  quiet: z.object({ from: time, to: time }).nullable().default(null),
});

/** Push unless the person chose otherwise: with no device subscribed, that is SMS as before. */
export function readPrefs(row: { alertVia: AlertVia | null; quietFrom: string | null; quietTo: string | null }): AlertPrefs {
  return { via: row.alertVia ?? "push", quiet: row.quietFrom && row.quietTo ? { from: row.quietFrom, to: row.quietTo } : null };
}

/** This person's preferences on the site. */
export async function alertPrefsOf(db: Db, siteId: number, userId: number): Promise<AlertPrefs> {
  const [row] = await db
    .select({ alertVia: siteMembers.alertVia, quietFrom: siteMembers.quietFrom, quietTo: siteMembers.quietTo })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
  if (!row) throw new NotFound("not_found", "There is no such site in your account.");
  return readPrefs(row);
}

/** Saves this person's preferences on the site. */
export async function saveAlertPrefs(db: Db, siteId: number, userId: number, prefs: z.output<typeof alertPrefsInput>): Promise<AlertPrefs> {
  await db
    .update(siteMembers)
    .set({ alertVia: prefs.via, quietFrom: prefs.quiet?.from ?? null, quietTo: prefs.quiet?.to ?? null })
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
  return alertPrefsOf(db, siteId, userId);
}
