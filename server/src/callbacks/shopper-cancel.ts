import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { ChangeDeps } from "../pipeline/commit.ts";
import type { Db } from "../db/client.ts";
import { reminders, requestEvents, requests, sites } from "../db/schema.ts";
import { enqueueOwnerSms } from "../outbox/outbox.ts";
import { isBookable } from "../sites/availability.ts";
import { readLink } from "./shopper-links.ts";
import { readSettings } from "../sites/site-settings.ts";
import { readFields } from "../intake/request-fields.ts";

/** The request (and its site) a shopper's signed link names; null for a link this server did not sign. */
export async function linkedRequest(db: Db, secret: string, token: string) {
  const id = readLink(secret, token);
  if (!id) return null;
  const [row] = await db
    .select({ request: requests, site: { key: sites.key, name: sites.name, settings: sites.settings, photoUpdatedAt: sites.photoUpdatedAt } })
    .from(requests)
    .innerJoin(sites, eq(sites.id, requests.siteId))
    .where(eq(requests.id, id));
  return row ?? null;
}

/** The shopper calls it off: the request is done, and the timeline says who closed it. */
export async function cancelByShopper({ db, clock, pipeline }: ChangeDeps, request: { id: string; siteId: number; status: string }): Promise<void> {
  if (request.status === "done") return;
  const now = clock.now();
  await pipeline.commit(db, async (tx, fx) => {
    await tx.update(requests).set({ status: "done", updatedAt: now }).where(eq(requests.id, request.id));
    await tx.insert(requestEvents).values({ requestId: request.id, type: "status", data: { from: request.status, to: "done", reason: "The shopper cancelled it from their text message." }, createdAt: now });
    await fx.request("request.updated", request.siteId, request.id);
  });
}

/**
 * The shopper picks another time: it must be a bookable slot; the booked-call reminder moves with it,
 * and the owner is told by SMS. Returns false when the time is not (or no longer) available.
 */
export async function rescheduleByShopper({ db, clock, pipeline }: ChangeDeps, row: NonNullable<Awaited<ReturnType<typeof linkedRequest>>>, slot: string): Promise<boolean> {
  const settings = readSettings(row.site.settings);
  const at = new Date(slot);
  const now = clock.now();
  if (Number.isNaN(at.getTime()) || !isBookable(settings, at, now) || row.request.status === "done") return false;
  const local = DateTime.fromJSDate(at).setZone(settings.timezone).toFormat("ccc d LLL HH:mm");
  const fields = readFields(row.request);
  await pipeline.commit(db, async (tx, fx) => {
    await fx.request("request.updated", row.request.siteId, row.request.id);
    await tx.update(requests).set({ scheduledFor: at, fields: { ...row.request.fields, when: at.toISOString() }, updatedAt: now }).where(eq(requests.id, row.request.id));
    await tx.insert(requestEvents).values({ requestId: row.request.id, type: "note", data: { text: `The shopper moved the call to ${local}.` }, createdAt: now });
    await tx
      .insert(reminders)
      .values({ siteId: row.request.siteId, requestId: row.request.id, kind: "scheduled_call", key: `scheduled_call:${row.request.id}`, dueAt: at, createdAt: now })
      .onConflictDoUpdate({ target: reminders.key, set: { dueAt: at, status: "pending", doneAt: null } });
    await enqueueOwnerSms(tx, { siteId: row.request.siteId, requestId: row.request.id, text: `Beckon: ${String(fields.name ?? "The shopper").slice(0, 40)} moved call-back #${row.request.ref} to ${local}.`, now, routing: fx.alerts });
  });
  return true;
}
