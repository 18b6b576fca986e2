import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { sites } from "../../db/schema.ts";

export type AlertSettings = { ownerPhone: string | null; smsAlerts: number | null };

/**
 * A site's alert number and whether SMS alerts are on, read when an alert is sent. The lookups asked for
 * in the same turn of the event loop (a lane starting a burst of sends) share one query.
 */
export function alertSettingsLookup(db: Db): (siteId: number) => Promise<AlertSettings | undefined> {
  let waiting: Map<number, { resolve: (row: AlertSettings | undefined) => void; reject: (err: unknown) => void }[]> | undefined;

  async function run() {
    const asked = waiting!;
    waiting = undefined;
    try {
      // Only the one setting, read in SQL: parsing the whole settings per SMS slowed bursts down.
      const rows = await db
        .select({ id: sites.id, ownerPhone: sites.ownerPhone, smsAlerts: sql<number | null>`json_extract(${sites.settings}, '$.smsAlerts')` })
        .from(sites)
        .where(inArray(sites.id, [...asked.keys()]));
      const byId = new Map(rows.map((r) => [r.id, { ownerPhone: r.ownerPhone, smsAlerts: r.smsAlerts }]));
      for (const [id, callers] of asked) for (const c of callers) c.resolve(byId.get(id));
    } catch (err) {
      for (const callers of asked.values()) for (const c of callers) c.reject(err);
    }
  }

  return (siteId) =>
    new Promise((resolve, reject) => {
      if (!waiting) (waiting = new Map()), setImmediate(run);
      const callers = waiting.get(siteId) ?? [];
      callers.push({ resolve, reject });
      waiting.set(siteId, callers);
    });
}
