import { and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { customers, requests } from "../db/schema.ts";

// The inbox's issue-#12 additions, kept apart so the list query itself stays one place: the "asked
// again" filter and the "waiting longest" order (open requests, oldest first).

/** Extra conditions for `repeat=1` and `sort=waiting`. */
export function regularsFilters(q: { repeat?: "1" | undefined; sort?: "newest" | "waiting" | undefined }): SQL[] {
  return [...(q.repeat ? [isNotNull(requests.repeat)] : []), ...(q.sort === "waiting" ? [ne(requests.status, "done")] : [])];
}

/** The order of the list and the keyset condition for the page after a cursor `ms:id`. */
export function inboxOrder(sort: "newest" | "waiting" | undefined) {
  const waiting = sort === "waiting";
  return {
    by: waiting ? [asc(requests.createdAt), asc(requests.id)] : [desc(requests.createdAt), desc(requests.id)],
    after(cursor: string): SQL {
      const [ms, id] = cursor.split(":") as [string, string];
      const at = new Date(Number(ms));
      const beyond = waiting ? gt : lt;
      return or(beyond(requests.createdAt, at), and(eq(requests.createdAt, at), beyond(requests.id, id)))!;
    },
  };
}

/** A VIP's open requests, oldest first: shown above the list on its first page ("VIP: show first"). */
export function vipOpenConditions(siteId: number): SQL {
  // Through the site's VIP customers (a handful), then their requests by the customer index: matching on
  // the join alone walked every request of the site (1.7 s for a shop with 100,000 requests and no VIP).
  const vips = sql`select ${customers.id} from ${customers} where ${customers.siteId} = ${siteId} and ${customers.vip} = 1`;
  // `+site_id` keeps the planner off the site's created_at index (it would walk it to save a sort of ≤ 10 rows).
  return and(sql`+${requests.siteId} = ${siteId}`, isNull(requests.spamAt), ne(requests.status, "done"), eq(customers.vip, true), sql`${requests.customerId} in (${vips})`)!;
}
