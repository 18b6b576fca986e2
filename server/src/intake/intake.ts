import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";
import { customers, idempotencyKeys, requests, sites, type ShopContext } from "../db/schema.ts";
import { Invalid } from "../domain-errors.ts";
import type { Locale } from "../i18n/locales.ts";
import type { ChangeDeps, Effects, Tx } from "../pipeline/commit.ts";
import { prepared } from "../db/prepared.ts";

// The steps every shopper submission shares, whatever its channel.


export type SubmissionAnswer = {
  id: string;
  status: "new";
  expect: { kind: "soon" | "next_open" | "scheduled"; at?: string };
  /** For written channels: when the owner will answer, e.g. "within 2 hours". */
  replyTime?: string;
  /** The same as data, for the widget to write in the shopper's language: within hours, or by an instant. */
  reply?: { withinHours: number } | { by: string } | null;
};
/** A shopper's form as its service gets it: checked input, the shopper's language, and the page's shop context. */
export type Submission<T> = { data: T; locale: Locale; shop: ShopContext | null };

/** `rejected`: answered like any other, but stored as spam (or not at all): counts as rejected for rate limits. */
export type Submitted = { status: 201; body: SubmissionAnswer; rejected?: boolean };

const idempotencyKeyPattern = /^[A-Za-z0-9_\-:.]{8,128}$/;

/** Checks an Idempotency-Key and returns the answer already given for it, if any. */
export async function priorAnswer(db: Db, siteId: number, key: string | undefined): Promise<Submitted | undefined> {
  if (key === undefined) return undefined;
  if (!idempotencyKeyPattern.test(key)) {
    throw new Invalid("invalid_idempotency_key", "Idempotency-Key must be 8–128 letters, digits, '-', '_', ':' or '.'.");
  }
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.siteId, siteId), eq(idempotencyKeys.key, key)));
  return row && { status: 201, body: row.responseBody as SubmissionAnswer };
}

/**
 * The honeypot: `company` is hidden from people, so a filled one is a bot. It gets a convincing
 * answer and nothing else: nothing stored, nothing sent.
 */
export function honeypotAnswer(input: unknown): Submitted | undefined {
  if (!honeypotFilled(input)) return undefined;
  return { status: 201, body: { id: randomUUID(), status: "new", expect: { kind: "soon" } }, rejected: true };
}

/** Whether the hidden `company` field was filled in: a bot. */
export function honeypotFilled(input: unknown): boolean {
  const company = typeof input === "object" && input && "company" in input ? (input as { company: unknown }).company : undefined;
  return company !== undefined && company !== null && String(company).trim() !== "";
}

/** Finds or creates the site's customer by E.164 phone or normalised email; counts this request. */
export async function upsertCustomer(tx: Tx, siteId: number, who: { name: string; phone?: string; email?: string }, now: Date) {
  const target = who.phone ? [customers.siteId, customers.phone] : [customers.siteId, customers.email];
  const [customer] = await tx
    .insert(customers)
    .values({ siteId, name: who.name, phone: who.phone ?? null, email: who.email ?? null, firstSeenAt: now, lastSeenAt: now, requestCount: 1 })
    .onConflictDoUpdate({
      target,
      set: { name: who.name, lastSeenAt: now, requestCount: sql`${customers.requestCount} + 1` },
    })
    .returning();
  return customer!;
}

/**
 * The next short per-site reference ("#12"): a counter on the site row, bumped in the submission's
 * transaction (O(1) at any size). A site from before the counter starts from its highest ref, once.
 */
export async function nextRef(tx: Tx, siteId: number): Promise<string> {
  const [row] = await bumpRef(tx).all({ siteId });
  return String(row!.ref);
}

const bumpRef = prepared((tx) => {
  const siteId = sql.placeholder("siteId");
  const highest = sql`(select max(cast(${requests.ref} as integer)) from ${requests} where ${requests.siteId} = ${siteId})`;
  return tx
    .update(sites)
    .set({ lastRef: sql`coalesce(${sites.lastRef}, ${highest}, 0) + 1` })
    .where(eq(sites.id, siteId))
    .returning({ ref: sites.lastRef })
    .prepare();
});

/** Remembers the answer to an Idempotency-Key, inside the submission's transaction. */
async function rememberAnswer(tx: Tx, siteId: number, key: string | undefined, answer: SubmissionAnswer) {
  if (key) await tx.insert(idempotencyKeys).values({ siteId, key, requestId: answer.id, responseStatus: 201, responseBody: answer });
}

/**
 * Stores a submission in one change-pipeline commit: `work` (createRequest and the channel's own
 * notifications), with the answer remembered for its Idempotency-Key. When a retry carrying the same
 * key won the race, answers as it did; a submission stored as spam is answered alike, counted as rejected.
 */
export async function storeSubmission(
  deps: ChangeDeps,
  siteId: number,
  submission: { key: string | undefined; answer: SubmissionAnswer; spam: unknown },
  work: (tx: Tx, fx: Effects) => Promise<void>,
): Promise<Submitted> {
  const { key, answer } = submission;
  try {
    await deps.pipeline.commit(deps.db, async (tx, fx) => {
      await work(tx, fx);
      await rememberAnswer(tx, siteId, key, answer); // after: it refers to the stored request
    });
  } catch (err) {
    const stored = await priorAnswer(deps.db, siteId, key);
    if (stored) return stored;
    throw err;
  }
  return submission.spam ? { status: 201, body: answer, rejected: true } : { status: 201, body: answer };
}
