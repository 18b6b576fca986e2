import { and, eq, inArray, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.ts";
import type { Tx } from "../../pipeline/commit.ts";
import { outbox, pushAlerts, pushSubscriptions, siteMembers, sites, verifiedPhones } from "../../db/schema.ts";
import { readPrefs } from "./alert-prefs.ts";
import { quietUntil } from "./quiet-hours.ts";
import { pushNotice } from "./push-text.ts";
import { PUSH_RETRY } from "./push-channel.ts";
import { prepared, preparedInsert } from "../../db/prepared.ts";

/** How owner alerts are routed: read once at start-up (PUSH_FALLBACK_MINUTES) and passed down. */
export type AlertRouting = { pushFallbackMs: number };

export const DEFAULT_ALERT_ROUTING: AlertRouting = { pushFallbackMs: 5 * 60_000 };

type Alert = { siteId: number; requestId: string | null; text: string; now: Date };

/**
 * Queues one owner alert for everyone who takes the site's alerts, each as they chose (push, SMS or
 * both; push by default) and outside their quiet hours (held until they end, never dropped):
 * - the site's alert number (looked up when sending) and each member's own proved number get the SMS;
 * - each person with a subscribed device gets a push per device. With `via: "push"` their SMS is the
 *   fallback: queued `pushFallbackMs` later and skipped if the push is acknowledged first.
 * A site alert number nobody on the site proved (OWNER_PHONE before setup) just gets the SMS, as before.
 */
// Both run in every alert's transaction: built once (see db/prepared.ts).
const siteAlertNumber = prepared((tx) =>
  tx
    .select({ ownerPhone: sites.ownerPhone, zone: sql<string | null>`json_extract(${sites.settings}, '$.timezone')` })
    .from(sites)
    .where(eq(sites.id, sql.placeholder("siteId")))
    .prepare(),
);
const alertPeople = prepared((tx) =>
  tx
    .select({ userId: siteMembers.userId, alertPhone: siteMembers.alertPhone, alertVia: siteMembers.alertVia, quietFrom: siteMembers.quietFrom, quietTo: siteMembers.quietTo })
    .from(siteMembers)
    .where(eq(siteMembers.siteId, sql.placeholder("siteId")))
    .prepare(),
);

export async function enqueueOwnerAlert(tx: Tx, alert: Alert, routing: AlertRouting): Promise<void> {
  const { siteId, requestId, text, now } = alert;
  const [site] = await siteAlertNumber(tx).all({ siteId });
  const ownerPhone = site?.ownerPhone ?? null;
  const people = await alertPeople(tx).all({ siteId });
  const [holder] = ownerPhone ? await tx.select({ userId: verifiedPhones.userId }).from(verifiedPhones).where(eq(verifiedPhones.phone, ownerPhone)) : [];
  const siteNumberHolder = people.some((p) => p.userId === holder?.userId) ? holder!.userId : null;
  const devices = people.length
    ? await tx.select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId }).from(pushSubscriptions).where(inArray(pushSubscriptions.userId, people.map((p) => p.userId)))
    : [];

  const sms = (recipient: string | null, at: Date, pushId?: string) =>
    ({ siteId, requestId, channel: "sms", kind: "alert", audience: "owner", recipient, payload: { text, ...(pushId && { pushId }) }, nextAttemptAt: at, createdAt: now, updatedAt: now }) as const;
  const rows: (typeof outbox.$inferInsert)[] = [];
  // The site's alert number first, as before, when nobody on the site holds it (none set: recorded as not sent).
  if (siteNumberHolder === null) rows.push(sms(null, now));

  const notice = pushNotice(text, requestId);
  for (const person of people) {
    const phones: (string | null)[] = [];
    if (ownerPhone && person.userId === siteNumberHolder) phones.push(null); // null: the site's number, looked up when sending
    if (person.alertPhone && person.alertPhone !== ownerPhone) phones.push(person.alertPhone);
    const prefs = readPrefs(person);
    const at = quietUntil(now, site?.zone ?? "UTC", prefs.quiet) ?? now;
    const theirs = prefs.via === "sms" ? [] : devices.filter((d) => d.userId === person.userId);
    let pushId: string | undefined;
    if (theirs.length) {
      pushId = randomUUID();
      await tx.insert(pushAlerts).values({ id: pushId, siteId, userId: person.userId, requestId, createdAt: now });
      for (const device of theirs) {
        rows.push({ siteId, requestId, channel: "push", kind: "alert", audience: "owner", recipient: null, payload: { ...notice, pushId, subscriptionId: device.id }, nextAttemptAt: at, retryUntil: new Date(at.getTime() + PUSH_RETRY.giveUpAfterMs), createdAt: now, updatedAt: now });
      }
    }
    const fallback = pushId && prefs.via === "push";
    for (const phone of phones) rows.push(fallback ? sms(phone, new Date(at.getTime() + routing.pushFallbackMs), pushId) : sms(phone, at));
  }
  if (rows.length) await insertOutbox(tx, rows);
}
const insertOutbox = preparedInsert(outbox, ["siteId", "requestId", "channel", "kind", "audience", "recipient", "payload", "nextAttemptAt", "retryUntil", "createdAt", "updatedAt"]);

/**
 * Records that a person saw a push alert (by its id, or every one of theirs about a request): its
 * fallback SMS is then skipped. `userId` null: by the push id alone (the service worker's click).
 */
export async function acknowledgePush(db: Tx | Db, userId: number | null, what: { pushId: string } | { requestId: string }, now: Date): Promise<number> {
  const which = "pushId" in what ? eq(pushAlerts.id, what.pushId) : eq(pushAlerts.requestId, what.requestId);
  const done = await db
    .update(pushAlerts)
    .set({ ackedAt: now })
    .where(and(which, userId === null ? undefined : eq(pushAlerts.userId, userId), sql`${pushAlerts.ackedAt} is null`))
    .returning({ id: pushAlerts.id });
  return done.length;
}

/** Whether the push alert behind a fallback SMS was acknowledged. */
export async function pushAcknowledged(db: Tx | Db, pushId: string): Promise<boolean> {
  const [row] = await db.select({ ackedAt: pushAlerts.ackedAt }).from(pushAlerts).where(eq(pushAlerts.id, pushId));
  return !!row?.ackedAt;
}
