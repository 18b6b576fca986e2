import { and, count, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { createHash, randomInt } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { phoneCodes, siteMembers, sites, verifiedPhones, type PhoneUse } from "../db/schema.ts";
import { Conflict, Gone, NotFound, RateLimited, UpstreamFailed } from "../domain-errors.ts";
import { describeFailure } from "../outbox/retry-policy.ts";
import type { SmsSender } from "../channels/sms/sms.ts";
import { validationFailed } from "../http/validation.ts";

export type PhoneDeps = {
  db: Db;
  clock: Clock;
  /** Undefined until Twilio is configured: the code is then printed to the console, like every SMS. */
  sms: SmsSender | undefined;
  log: Pick<Console, "info">;
  /** OWNER_PHONE: operator configuration, so it counts as proved. */
  operatorPhone: string | undefined;
};

/** A code on its way: where it went, and how (a real SMS, or printed to the server console). */
export type CodeSent = { id: number; phone: string; delivery: "sms" | "console"; expiresAt: string };
export type PhoneStart = { verified: true; phone: string } | { verified: false; code: CodeSent };

export const CODE_MINUTES = 10;
export const CODE_TRIES = 5;
// Each code is a paid SMS to someone's phone: a few an hour per account and per number is plenty.
const CODES_PER_HOUR_PER_ACCOUNT = 5;
const CODES_PER_HOUR_PER_NUMBER = 3;

const hashCode = (id: number, code: string) => createHash("sha256").update(`${id}:${code}`).digest("hex");

/** Whether this account proved `phone` already (or it is OWNER_PHONE and nobody else claimed it). */
export async function provedBy(deps: Pick<PhoneDeps, "db" | "operatorPhone">, userId: number, phone: string): Promise<boolean> {
  const [row] = await deps.db.select({ userId: verifiedPhones.userId }).from(verifiedPhones).where(eq(verifiedPhones.phone, phone));
  if (row) return row.userId === userId;
  return phone === deps.operatorPhone;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Records `phone` as this account's and puts it to use: only on sites where the account may do so. */
async function applyUse(tx: Tx, userId: number, phone: string, use: PhoneUse, now: Date): Promise<void> {
  await tx.insert(verifiedPhones).values({ phone, userId, verifiedAt: now }).onConflictDoNothing();
  if (use.kind === "site_alerts") {
    if (!use.siteIds.length) return;
    const owned = await tx
      .select({ siteId: siteMembers.siteId })
      .from(siteMembers)
      .where(and(eq(siteMembers.userId, userId), eq(siteMembers.role, "owner"), inArray(siteMembers.siteId, use.siteIds)));
    if (owned.length) await tx.update(sites).set({ ownerPhone: phone }).where(inArray(sites.id, owned.map((o) => o.siteId)));
  } else {
    await tx.update(siteMembers).set({ alertPhone: phone }).where(and(eq(siteMembers.userId, userId), eq(siteMembers.siteId, use.siteId)));
  }
}

/**
 * Starts putting `phone` (E.164) to `use` for this account. A number the account already proved (or
 * OWNER_PHONE) is applied at once; any other gets a 6-digit code by SMS first.
 */
export async function requestPhoneUse(deps: PhoneDeps, userId: number, phone: string, use: PhoneUse): Promise<PhoneStart> {
  const { db, clock } = deps;
  const now = clock.now();
  if (await provedBy(deps, userId, phone)) {
    await db.transaction((tx) => applyUse(tx, userId, phone, use, now));
    return { verified: true, phone };
  }
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [mine] = await db.select({ n: count() }).from(phoneCodes).where(and(eq(phoneCodes.userId, userId), gt(phoneCodes.createdAt, hourAgo)));
  const [theirs] = await db.select({ n: count() }).from(phoneCodes).where(and(eq(phoneCodes.phone, phone), gt(phoneCodes.createdAt, hourAgo)));
  if (mine!.n >= CODES_PER_HOUR_PER_ACCOUNT || theirs!.n >= CODES_PER_HOUR_PER_NUMBER) {
    throw new RateLimited("too_many_codes", "That's enough codes for now. Try again in an hour.");
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  const [row] = await db.insert(phoneCodes).values({ userId, phone, codeHash: "", use, createdAt: now, expiresAt }).returning({ id: phoneCodes.id });
  await db.update(phoneCodes).set({ codeHash: hashCode(row!.id, code) }).where(eq(phoneCodes.id, row!.id));
  const body = `Beckon code: ${code}. It proves this phone is yours, for SMS alerts. It works for ${CODE_MINUTES} minutes. Didn't ask? Ignore this.`;
  let delivery: CodeSent["delivery"] = "sms";
  if (!deps.sms) {
    deps.log.info(`[sms not sent: Twilio is not configured] to ${phone}\n${body}\n`);
    delivery = "console";
  } else {
    try {
      await deps.sms.send({ to: phone, body });
    } catch (err) {
      throw new UpstreamFailed("sms_failed", `The code could not be texted: ${describeFailure(err)}`);
    }
  }
  return { verified: false, code: { id: row!.id, phone, delivery, expiresAt: expiresAt.toISOString() } };
}

/** Checks a code: right, within 10 minutes and 5 tries, and the number not already another account's. */
export async function confirmPhoneCode(deps: PhoneDeps, userId: number, id: number, code: string): Promise<{ phone: string; use: PhoneUse }> {
  const { db, clock } = deps;
  const now = clock.now();
  const [row] = await db.select().from(phoneCodes).where(and(eq(phoneCodes.id, id), eq(phoneCodes.userId, userId)));
  if (!row || row.usedAt) throw new NotFound("not_found", "There is no such code waiting. Send a new one.");
  if (row.expiresAt <= now) throw new Gone("code_expired", "That code has expired. Send a new one.");
  if (row.attempts >= CODE_TRIES) throw new RateLimited("too_many_tries", "Too many wrong tries. Send a new code.");
  const [claimed] = await db.select({ userId: verifiedPhones.userId }).from(verifiedPhones).where(eq(verifiedPhones.phone, row.phone));
  const right = row.codeHash === hashCode(row.id, code.trim());
  if (!right) {
    await db.update(phoneCodes).set({ attempts: row.attempts + 1 }).where(eq(phoneCodes.id, row.id));
    const left = CODE_TRIES - row.attempts - 1;
    throw validationFailed({ code: left > 0 ? `That code isn't right. ${left} ${left === 1 ? "try" : "tries"} left.` : "That code isn't right, and that was the last try. Send a new code." });
  }
  // Only the number's holder gets this far, so saying it is taken reveals nothing to anyone else.
  if (claimed && claimed.userId !== userId) throw new Conflict("phone_taken", "This number already belongs to another account on this Beckon; one number serves one account.");
  await db.transaction(async (tx) => {
    await tx.update(phoneCodes).set({ usedAt: now }).where(eq(phoneCodes.id, row.id));
    await applyUse(tx, userId, row.phone, row.use, now);
  });
  return { phone: row.phone, use: row.use };
}

/**
 * OWNER_PHONE is the operator's: it belongs to the first account that exists, so SMS from it are
 * routed within that account's sites. Called at start-up and after setup.
 */
export async function claimOperatorPhone(db: Db, clock: Clock, phone: string | undefined, userId: number): Promise<void> {
  if (!phone) return;
  await db.insert(verifiedPhones).values({ phone, userId, verifiedAt: clock.now() }).onConflictDoNothing();
}

/**
 * At start-up: alert numbers stored before numbers had to be proved stop getting alerts until their
 * holder proves them (Settings → Your site → Text me a code). OWNER_PHONE counts as proved.
 */
export async function forgetUnprovedAlertPhones(db: Db, operatorPhone: string | undefined, log: Pick<Console, "warn">): Promise<number> {
  // Proved means proved by an owner of that very site: a number serves its own account's sites only.
  const rows = await db
    .select({ id: sites.id, name: sites.name, phone: sites.ownerPhone, proved: siteMembers.userId })
    .from(sites)
    .leftJoin(verifiedPhones, eq(verifiedPhones.phone, sites.ownerPhone))
    .leftJoin(siteMembers, and(eq(siteMembers.siteId, sites.id), eq(siteMembers.userId, verifiedPhones.userId), eq(siteMembers.role, "owner")))
    .where(isNotNull(sites.ownerPhone));
  const unproved = rows.filter((r) => !r.proved && r.phone !== operatorPhone);
  for (const r of unproved) {
    await db.update(sites).set({ ownerPhone: null }).where(eq(sites.id, r.id));
    log.warn(`${r.name}: SMS alerts to ${r.phone} stopped until the number is proved (Settings → Your site → Text me a code).`);
  }
  return unproved.length;
}
