import { eq } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { requestEvents, requests, sites } from "../db/schema.ts";
import { readLink } from "./shopper-links.ts";

/** The request (and its site) a shopper's signed link names; null for a link this server did not sign. */
export async function linkedRequest(db: Db, secret: string, token: string) {
  const id = readLink(secret, token);
  if (!id) return null;
  const [row] = await db
    .select({ request: requests, site: { name: sites.name, settings: sites.settings } })
    .from(requests)
    .innerJoin(sites, eq(sites.id, requests.siteId))
    .where(eq(requests.id, id));
  return row ?? null;
}

/** The shopper calls it off: the request is done, and the timeline says who closed it. */
export async function cancelByShopper(db: Db, clock: Clock, request: { id: string; status: string }): Promise<void> {
  if (request.status === "done") return;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx.update(requests).set({ status: "done", updatedAt: now }).where(eq(requests.id, request.id));
    await tx.insert(requestEvents).values({ requestId: request.id, type: "status", data: { from: request.status, to: "done", reason: "The shopper cancelled it from their text message." }, createdAt: now });
  });
}
