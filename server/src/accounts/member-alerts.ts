import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { siteMembers, sites } from "../db/schema.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The proved numbers of people who opted in to a site's SMS alerts, other than the site's own alert number. */
export async function memberAlertPhones(tx: Tx | Db, siteId: number): Promise<string[]> {
  const [site] = await tx.select({ ownerPhone: sites.ownerPhone }).from(sites).where(eq(sites.id, siteId));
  const rows = await tx
    .select({ phone: siteMembers.alertPhone })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), isNotNull(siteMembers.alertPhone)));
  return [...new Set(rows.map((r) => r.phone!))].filter((p) => p !== site?.ownerPhone);
}
