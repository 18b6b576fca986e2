import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { chats, outbox, siteMembers, sites, users, type EmailPayload, type SmsPayload } from "../db/schema.ts";
import { readSettings } from "../services/site-settings.ts";
import { backoffMs, describeFailure, isRetryable, type RetryPolicy } from "./retry-policy.ts";
import type { EmailSender } from "./email.ts";
import type { SmsSender } from "./sms.ts";
import { wakeableSleep } from "../wakeable-sleep.ts";

export type OutboxWorkerDeps = {
  db: Db;
  clock: Clock;
  /** Undefined until Twilio is configured: messages are then printed and recorded as not sent. */
  sms: SmsSender | undefined;
  /** Undefined until SMTP is configured: likewise printed and recorded as not sent. */
  email: EmailSender | undefined;
  retry: RetryPolicy;
  pollMs: number;
  log: Pick<Console, "info" | "warn" | "error">;
};

export type OutboxWorker = {
  start(): void;
  /** Finishes the item in hand, then stops. */
  stop(): Promise<void>;
  /** Looks for work now instead of at the next poll (called after a request commits). */
  wake(): void;
  /** Processes everything due now, then returns how many items it handled. */
  drain(): Promise<number>;
};

type Item = typeof outbox.$inferSelect;

// A claimed item is leased; if this process dies mid-send, the lease runs out and another pass retries it.
const LEASE_MS = 2 * 60_000;

/** The durable outbox's delivery loop: claims due rows atomically, sends, and records every outcome. */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, clock, log } = deps;
  let running = false;
  let loop: Promise<void> | undefined;
  const pause = wakeableSleep();
  let wakeRequested = false;

  async function claim(): Promise<Item | undefined> {
    const now = clock.now();
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        or(
          and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)),
          and(eq(outbox.status, "sending"), lte(outbox.lockedUntil, now)),
        ),
      )
      .orderBy(outbox.nextAttemptAt, outbox.id)
      .limit(1);
    // One UPDATE … WHERE id = (SELECT …) is atomic in SQLite, so two workers never claim the same row.
    const [item] = await db
      .update(outbox)
      .set({
        status: "sending",
        lockedUntil: new Date(now.getTime() + LEASE_MS),
        attempts: sql`${outbox.attempts} + 1`,
        updatedAt: now,
      })
      .where(eq(outbox.id, sql`(${due})`))
      .returning();
    return item;
  }

  async function finish(item: Item, changes: Partial<Item>) {
    await db
      .update(outbox)
      .set({ ...changes, lockedUntil: null, updatedAt: clock.now() })
      .where(eq(outbox.id, item.id));
  }

  /** Where an item goes, or why it cannot go anywhere. */
  async function destination(item: Item): Promise<{ to: string } | { to: string | null; reason: string }> {
    if (item.audience === "shopper") {
      if (item.channel === "email" && !deps.email) return { to: item.recipient, reason: "SMTP is not configured" };
      return { to: item.recipient! };
    }
    const [site] = await db.select({ ownerPhone: sites.ownerPhone, settings: sites.settings }).from(sites).where(eq(sites.id, item.siteId));
    const settings = readSettings(site?.settings);
    if (item.channel === "sms") {
      // A member's own alert copy carries its number; the site's alert number is looked up now.
      const to = item.recipient ?? site?.ownerPhone ?? null;
      if (!deps.sms) return { to, reason: "Twilio is not configured" };
      if (!to) return { to, reason: "the site has no owner phone" };
      if (!settings.smsAlerts) return { to, reason: "SMS alerts are off for this site" };
      return { to };
    }
    const to = await siteEmail(item.siteId);
    if (!deps.email) return { to, reason: "SMTP is not configured" };
    if (!to) return { to, reason: "the site has no owner email" };
    return { to };
  }

  async function send(item: Item, to: string) {
    if (item.channel === "sms") return deps.sms!.send({ to, body: (item.payload as SmsPayload).text });
    const mail = item.payload as EmailPayload;
    // Mail to a shopper answers to the owner, so a plain "Reply" reaches a person.
    const ownerEmail = item.audience === "shopper" && !mail.replyTo ? await siteEmail(item.siteId) : null;
    return deps.email!.send({ ...mail, ...(ownerEmail && { replyTo: { name: mail.fromName ?? "", address: ownerEmail } }), to });
  }

  async function seenInWidget(item: Item): Promise<boolean> {
    const line = (item.payload as EmailPayload).chatMessageId ?? Infinity;
    const [chat] = await db.select({ seen: chats.shopperSeenId }).from(chats).where(eq(chats.requestId, item.requestId ?? ""));
    return !!chat && chat.seen >= line;
  }

  async function siteEmail(siteId: number): Promise<string | null> {
    const [site] = await db.select({ settings: sites.settings }).from(sites).where(eq(sites.id, siteId));
    return readSettings(site?.settings).notifyEmail ?? (await ownerAccountEmail(db, siteId));
  }

  async function deliver(item: Item): Promise<void> {
    if (item.kind === "chat_reply" && (await seenInWidget(item))) {
      await finish(item, { status: "skipped", lastError: "Not needed: the shopper read it in the chat." });
      return;
    }
    const target = await destination(item);
    if ("reason" in target) {
      log.info(`[${item.channel} not sent: ${target.reason}] to ${target.to ?? "(nobody)"}\n${printable(item)}\n`);
      await finish(item, { status: "not_sent", recipient: target.to, lastError: `Printed to the console: ${target.reason}.` });
      return;
    }
    const { to } = target;
    try {
      const receipt = await send(item, to);
      await finish(item, {
        status: "sent",
        recipient: to,
        providerId: receipt.providerId,
        providerStatus: receipt.providerStatus,
        lastError: null,
        sentAt: clock.now(),
      });
    } catch (err) {
      const failure = describeFailure(err);
      if (isRetryable(err) && item.attempts < deps.retry.maxAttempts) {
        const delay = backoffMs(deps.retry, item.attempts);
        log.warn(`${item.channel} #${item.id} attempt ${item.attempts} failed (${failure}); retrying in ${Math.round(delay / 1000)} s`);
        await finish(item, { status: "pending", recipient: to, lastError: failure, nextAttemptAt: new Date(clock.now().getTime() + delay) });
      } else {
        log.error(`${item.channel} #${item.id} failed for good after ${item.attempts} attempt(s): ${failure}`);
        await finish(item, { status: "failed", recipient: to, lastError: failure });
      }
    }
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (let item = await claim(); item; item = running || !loop ? await claim() : undefined) {
      await deliver(item);
      handled++;
    }
    return handled;
  }

  async function run() {
    while (running) {
      wakeRequested = false;
      try {
        await drain();
      } catch (err) {
        log.error("outbox pass failed", err);
      }
      if (!running) break;
      if (wakeRequested) continue; // work arrived while we were draining
      await pause.sleep(deps.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      pause.wake();
      await loop;
      loop = undefined;
    },
    wake() {
      wakeRequested = true;
      pause.wake();
    },
    drain,
  };
}

/** The first owner's account email: where a site's mail goes when no notification address is set. */
async function ownerAccountEmail(db: Db, siteId: number): Promise<string | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.role, "owner")))
    .orderBy(asc(siteMembers.createdAt))
    .limit(1);
  return row?.email ?? null;
}

function printable(item: Item): string {
  if (item.channel === "sms") return (item.payload as SmsPayload).text;
  const mail = item.payload as EmailPayload;
  return `Subject: ${mail.subject}\n\n${mail.text}`;
}
