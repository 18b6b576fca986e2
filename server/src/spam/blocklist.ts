import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { preparedBy } from "../db/prepared.ts";
import { createHmac } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { blocklist, outbox, requestEvents, requests, type BlockKind } from "../db/schema.ts";
import { emailOf, phoneOf, readFields } from "../intake/request-fields.ts";

export type Sender = { phone?: string | undefined; email?: string | undefined; senderHash?: string | null | undefined };

/**
 * Addresses are shared (offices, mobile carriers' NAT) and reassigned: an address block lasts a day, and
 * only the same address's requests from the day around the marked one are moved. Phones and emails stay blocked.
 */
export const ADDRESS_BLOCK_MS = 24 * 3600_000;

/** A keyed hash of a network address: enough to block it, without keeping the address itself. */
export function senderHash(secret: string, address: string): string {
  return createHmac("sha256", secret).update(`sender:${address}`).digest("hex").slice(0, 32);
}

function entries(sender: Sender): { kind: BlockKind; value: string }[] {
  const list: { kind: BlockKind; value: string }[] = [];
  if (sender.phone) list.push({ kind: "phone", value: sender.phone });
  if (sender.email) list.push({ kind: "email", value: sender.email.toLowerCase() });
  if (sender.senderHash) list.push({ kind: "sender", value: sender.senderHash });
  return list;
}

/** Whether the site's owner blocked this phone or email, or this address within the last day. */
export async function isBlocked(db: Db, siteId: number, sender: Sender, now: Date): Promise<boolean> {
  const wanted = entries(sender);
  if (!wanted.length) return false;
  const values: Record<string, unknown> = { siteId, since: now.getTime() - ADDRESS_BLOCK_MS };
  for (const w of wanted) values[w.kind] = w.value;
  const [hit] = await blockedAny(db, wanted.map((w) => w.kind).join()).all(values);
  return Boolean(hit);
}

/** One query per combination of kinds asked about ("phone,sender"); values: siteId, since (ms), and one per kind. */
const blockedAny = preparedBy((db, kinds: string) =>
  db
    .select({ id: blocklist.id })
    .from(blocklist)
    .where(
      and(
        eq(blocklist.siteId, sql.placeholder("siteId")),
        or(
          ...(kinds.split(",") as BlockKind[]).map((kind) =>
            and(eq(blocklist.kind, kind), eq(blocklist.value, sql.placeholder(kind)), kind === "sender" ? gt(blocklist.createdAt, sql.placeholder("since")) : undefined),
          ),
        ),
      ),
    )
    .limit(1)
    .prepare(),
);

type RequestRow = typeof requests.$inferSelect;

/** The phone, email and sender hash a request came with. */
export function senderOf(request: Pick<RequestRow, "kind" | "fields" | "senderHash">): Sender {
  const fields = readFields(request);
  return {
    phone: phoneOf(fields),
    email: emailOf(fields),
    senderHash: request.senderHash,
  };
}

/**
 * "Mark as spam": blocks the request's phone, email and address for this site, and moves it and the
 * same sender's other requests (same customer or same address) out of the inbox. Returns the ids it moved.
 */
export async function markAsSpam({ db, clock, pipeline }: ChangeDeps, userId: number, request: RequestRow): Promise<string[]> {
  const now = clock.now();
  const sender = senderOf(request);
  return pipeline.commit(db, async (tx, fx) => {
    for (const entry of entries(sender)) {
      // Marking again renews an address block.
      await tx
        .insert(blocklist)
        .values({ siteId: request.siteId, ...entry, requestId: request.id, createdBy: userId, createdAt: now })
        .onConflictDoUpdate({ target: [blocklist.siteId, blocklist.kind, blocklist.value], set: { createdAt: now, requestId: request.id } });
    }
    const similar = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.siteId, request.siteId),
          isNull(requests.spamAt),
          or(
            eq(requests.id, request.id),
            eq(requests.customerId, request.customerId),
            request.senderHash
              ? and(eq(requests.senderHash, request.senderHash), gt(requests.createdAt, new Date(request.createdAt.getTime() - ADDRESS_BLOCK_MS)))
              : undefined,
          ),
        ),
      );
    const moved = similar.map((r) => r.id);
    if (!moved.length) return [];
    await tx.update(requests).set({ spamAt: now, spamReason: "marked", updatedAt: now }).where(inArray(requests.id, moved));
    // Alerts and texts not yet sent for them are no longer wanted.
    await tx.update(outbox).set({ status: "skipped", lastError: "marked as spam", updatedAt: now }).where(and(inArray(outbox.requestId, moved), eq(outbox.status, "pending")));
    for (const id of moved) {
      await tx.insert(requestEvents).values({ requestId: id, type: "status", actorUserId: userId, data: { to: "spam", reason: id === request.id ? "Marked as spam." : "Same sender as a request marked as spam." }, createdAt: now });
      await fx.request("request.updated", request.siteId, id);
    }
    return moved;
  });
}

/** "Not spam": back to the inbox, and the sender is no longer blocked. */
export async function markNotSpam({ db, clock, pipeline }: ChangeDeps, userId: number, request: RequestRow): Promise<void> {
  const now = clock.now();
  const sender = entries(senderOf(request));
  await pipeline.commit(db, async (tx, fx) => {
    for (const entry of sender) {
      await tx.delete(blocklist).where(and(eq(blocklist.siteId, request.siteId), eq(blocklist.kind, entry.kind), eq(blocklist.value, entry.value)));
    }
    await tx.update(requests).set({ spamAt: null, spamReason: null, updatedAt: now }).where(eq(requests.id, request.id));
    await tx.insert(requestEvents).values({ requestId: request.id, type: "status", actorUserId: userId, data: { from: "spam", reason: "Marked as not spam." }, createdAt: now });
    await fx.request("request.updated", request.siteId, request.id);
  });
}
