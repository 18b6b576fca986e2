import { periodicLoop } from "../periodic-loop.ts";
import { and, asc, eq, lte, ne } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { reminders, requests, sites } from "../db/schema.ts";
import { nextDigest } from "./reminders.ts";
import { readSettings } from "../sites/site-settings.ts";
import { enqueueOwnerSms } from "../outbox/outbox.ts";
import { DEFAULT_ALERT_ROUTING, type AlertRouting } from "../channels/push/alert-routing.ts";
import { digestText, scheduledCallText, untouchedText } from "../channels/sms/sms-text.ts";
import { phoneOf, readFields } from "../intake/request-fields.ts";

export type ReminderWorkerDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  pollMs: number;
  log: Pick<Console, "error">;
  onQueued: () => void;
  /** How reminders reach people (push fallback delay); the default when not configured. */
  alerts?: AlertRouting;
};

type Reminder = typeof reminders.$inferSelect;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Fires due reminders. Each is claimed and its SMS queued in the outbox in one transaction: the claim
 * (`status` from pending, guarded by `WHERE status = 'pending'`) and the SMS commit together or not at
 * all, so two processes, a crash or a restart can neither lose a reminder nor send it twice.
 */
export function createReminderWorker(deps: ReminderWorkerDeps) {
  const { db, clock } = deps;

  /** Makes sure every site with a digest hour has its next digest booked. */
  async function bookDigests(now: Date) {
    for (const site of await db.select({ id: sites.id, settings: sites.settings }).from(sites)) {
      const next = nextDigest(readSettings(site.settings), now);
      if (!next) continue;
      await db
        .insert(reminders)
        .values({ siteId: site.id, kind: "digest", key: `digest:${site.id}:${next.key}`, dueAt: next.at, createdAt: now })
        .onConflictDoNothing();
    }
  }

  /** The SMS a reminder should send now, or null when it is no longer needed. */
  async function textFor(tx: Tx, r: Reminder, now: Date): Promise<string | null> {
    if (r.kind === "digest") {
      const open = await tx
        .select({ ref: requests.ref, kind: requests.kind, fields: requests.fields })
        .from(requests)
        .where(and(eq(requests.siteId, r.siteId), ne(requests.status, "done")))
        .orderBy(asc(requests.createdAt));
      return open.length ? digestText(open.map((o) => ({ ref: o.ref, name: readFields(o).name ?? "" })), `${deps.publicUrl}/admin`) : null;
    }
    const [request] = await tx.select().from(requests).where(eq(requests.id, r.requestId ?? ""));
    if (!request) return null;
    const fields = readFields(request);
    const phone = phoneOf(fields);
    if (r.kind === "scheduled_call") {
      return request.status === "done" || !phone ? null : scheduledCallText({ ref: request.ref, name: fields.name ?? "", phone });
    }
    if (request.status !== "new") return null;
    const minutes = Math.round((now.getTime() - request.createdAt.getTime()) / 60_000);
    return untouchedText({ ref: request.ref, name: fields.name ?? "", kind: request.kind, minutes, link: `${deps.publicUrl}/admin/requests/${request.id}` });
  }

  async function fire(r: Reminder, now: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const text = await textFor(tx, r, now);
      const [claimed] = await tx
        .update(reminders)
        .set({ status: text ? "sent" : "skipped", doneAt: now })
        .where(and(eq(reminders.id, r.id), eq(reminders.status, "pending")))
        .returning({ id: reminders.id });
      if (!claimed || !text) return false;
      await enqueueOwnerSms(tx, { siteId: r.siteId, requestId: r.requestId, text, now, routing: deps.alerts ?? DEFAULT_ALERT_ROUTING });
      return true;
    });
  }

  /** Fires everything due now; returns how many SMS were queued. */
  async function drain(): Promise<number> {
    const now = clock.now();
    await bookDigests(now);
    const due = await dueReminders(db, now);
    let queued = 0;
    for (const r of due) if (await fire(r, now)) queued++;
    if (queued) deps.onQueued();
    return queued;
  }

  const loop = periodicLoop(drain, { pollMs: deps.pollMs, onError: (err) => deps.log.error("reminders failed", err) });

  return {
    drain,
    /** When the loop last went round (real time, ms), for `/healthz`. */
    lastTick: loop.lastTick,
    start: loop.start,
    stop: loop.stop,
  };
}

/** Reminders due now, oldest first, a batch at a time (exported for db/query-plans.test.ts). */
export function dueReminders(db: Db, now: Date) {
  return db.select().from(reminders).where(and(eq(reminders.status, "pending"), lte(reminders.dueAt, now))).orderBy(asc(reminders.dueAt)).limit(100);
}
