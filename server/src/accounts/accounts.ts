import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { siteMembers, sites, users, type SiteRole } from "../db/schema.ts";
import { Conflict, DomainError, Forbidden, NotFound, RateLimited, Unauthorized } from "../domain-errors.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords.ts";
import { parsePhone } from "../customers/phone.ts";
import { claimOperatorPhone, requestPhoneUse, type PhoneDeps, type PhoneStart } from "./phone-verification.ts";
import { readSettings, siteSettingsSchema } from "../sites/site-settings.ts";
import type { Site } from "../sites/sites.ts";
import type { SessionUser } from "./sessions.ts";
import { validationFailed, typedText } from "../http/validation.ts";

export const MIN_PASSWORD = 10;

const email = z.email("Enter a valid email address.").transform((e) => e.toLowerCase());
const password = z.string().min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`).max(200);
const personName = typedText().trim().min(1, "Enter a name.").max(80);

export const newSiteInput = z.object({
  name: typedText().trim().min(1, "Enter the site's name.").max(80),
  ownerPhone: z.string().trim().max(40).optional(),
  timezone: siteSettingsSchema.shape.timezone.unwrap(),
  phoneCountry: siteSettingsSchema.shape.phoneCountry.unwrap(),
});

export const setupInput = z.object({
  name: personName,
  email,
  password,
  siteName: newSiteInput.shape.name,
  ownerPhone: z.string().trim().min(1, "Enter the mobile number alerts go to.").max(40),
  timezone: newSiteInput.shape.timezone,
  phoneCountry: newSiteInput.shape.phoneCountry,
});

export type AccountDeps = PhoneDeps;
export type SetupResult = { user: SessionUser; phone: PhoneStart | { verified: false; error: string } };

/** Whether first-run setup is still open: true until the first account exists. */
export async function setupNeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return row!.n === 0;
}

const alreadySetUp = () => new Conflict("already_set_up", "This Beckon already has an owner. Sign in instead.");

/**
 * First run: creates the owner account (an installation owner: may add sites) and their site, and
 * makes them owner of the demo site too. "No account yet" and the insert are one statement, so of
 * concurrent setups exactly one wins. The mobile number gets alerts once proved with a texted code
 * (OWNER_PHONE counts as proved); until then the answer carries the code's whereabouts.
 */
export async function runSetup(deps: AccountDeps, data: z.output<typeof setupInput>): Promise<SetupResult> {
  const { db, clock } = deps;
  if (!(await setupNeeded(db))) throw alreadySetUp();
  const phone = parsePhone(data.ownerPhone, data.phoneCountry);
  if (!phone.ok) throw validationFailed({ ownerPhone: phone.message });
  const passwordHash = await hashPassword(data.password);
  const siteKey = await uniqueSiteKey(db, data.siteName);
  const operators = phone.e164 === deps.operatorPhone;
  const now = clock.now();
  const created = await db.transaction(async (tx) => {
    const inserted = await tx.run(
      sql`INSERT INTO users (name, email, password_hash, can_create_sites) SELECT ${data.name}, ${data.email}, ${passwordHash}, 1 WHERE NOT EXISTS (SELECT 1 FROM users)`,
    );
    if (inserted.rowsAffected !== 1) throw alreadySetUp();
    const [user] = await tx.select().from(users).where(eq(users.email, data.email));
    const [site] = await tx
      .insert(sites)
      .values({ key: siteKey, name: data.siteName, ownerPhone: operators ? phone.e164 : null, createdBy: user!.id, createdAt: now, settings: { timezone: data.timezone, phoneCountry: data.phoneCountry } })
      .returning();
    await tx.insert(siteMembers).values({ siteId: site!.id, userId: user!.id, role: "owner" });
    const siteIds = [site!.id];
    const [demo] = await tx.select().from(sites).where(eq(sites.key, "demo"));
    if (demo) {
      await tx.insert(siteMembers).values({ siteId: demo.id, userId: user!.id, role: "owner" });
      if (!demo.ownerPhone) siteIds.push(demo.id);
      if (!demo.ownerPhone && operators) await tx.update(sites).set({ ownerPhone: phone.e164 }).where(eq(sites.id, demo.id));
    }
    return { user: { id: user!.id, name: user!.name, email: user!.email }, siteIds };
  });
  await claimOperatorPhone(db, clock, deps.operatorPhone, created.user.id);
  try {
    return { user: created.user, phone: await requestPhoneUse(deps, created.user.id, phone.e164, { kind: "site_alerts", siteIds: created.siteIds }) };
  } catch (err) {
    if (err instanceof DomainError) return { user: created.user, phone: { verified: false, error: err.message } };
    throw err;
  }
}

/** Creates the owner from OWNER_EMAIL/OWNER_PASSWORD at start-up, once, as owner of the demo site. */
export async function ensureOwnerAccount(db: Db, opts: { email: string; password: string; demoSiteId: number }): Promise<void> {
  const address = opts.email.toLowerCase();
  const [existing] = await db.select().from(users).where(eq(users.email, address));
  if (existing) return;
  const [user] = await db
    .insert(users)
    .values({ name: address.split("@")[0]!, email: address, passwordHash: await hashPassword(opts.password), canCreateSites: true })
    .returning();
  await db.insert(siteMembers).values({ siteId: opts.demoSiteId, userId: user!.id, role: "owner" });
}

/**
 * At start-up: an installation made before site creation became a permission gives it to its first
 * account; OWNER_PHONE (operator configuration, so proved) belongs to that account.
 */
export async function ensureInstallationOwner(db: Db, clock: Clock, operatorPhone: string | undefined): Promise<void> {
  const [first] = await db.select().from(users).orderBy(asc(users.id)).limit(1);
  if (!first) return;
  const [any] = await db.select({ id: users.id }).from(users).where(eq(users.canCreateSites, true)).limit(1);
  if (!any) await db.update(users).set({ canCreateSites: true }).where(eq(users.id, first.id));
  await claimOperatorPhone(db, clock, operatorPhone, (any ?? first).id);
}

export const signInInput = z.object({ email: z.string().max(200), password: z.string().max(200) });

/** Checks credentials; the same answer and timing whether the email or the password was wrong. */
export async function authenticate(db: Db, data: z.output<typeof signInInput>): Promise<SessionUser> {
  const [user] = await db.select().from(users).where(eq(users.email, data.email.trim().toLowerCase()));
  const ok = await verifyPassword(data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new Unauthorized("invalid_credentials", "That email and password don't match an account.");
  return { id: user.id, name: user.name, email: user.email };
}

export type MemberSite = Site & { role: SiteRole };

/** The sites a user may work, with their role. */
export async function sitesOf(db: Db, userId: number): Promise<MemberSite[]> {
  const rows = await db
    .select({ id: sites.id, key: sites.key, name: sites.name, ownerPhone: sites.ownerPhone, settings: sites.settings, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(eq(siteMembers.userId, userId))
    .orderBy(sites.name);
  return rows.map((r) => ({ ...r, settings: readSettings(r.settings) }));
}

/** A site by key, only if the user is a member: otherwise 404, so other sites' existence is not revealed. */
export async function memberSite(db: Db, userId: number, key: string): Promise<MemberSite> {
  const [row] = await db
    .select({ id: sites.id, key: sites.key, name: sites.name, ownerPhone: sites.ownerPhone, settings: sites.settings, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(and(eq(siteMembers.userId, userId), eq(sites.key, key)));
  if (!row) throw new NotFound("not_found", "There is no such site in your account.");
  return { ...row, settings: readSettings(row.settings) };
}

export const SITES_PER_DAY = 10;

/**
 * Adds a site owned by the user: only the installation's owners may, and at most SITES_PER_DAY a day
 * each (counted in the database, so every process and restart agrees). An alert number given here
 * gets alerts once proved with a texted code.
 */
export async function createSite(deps: AccountDeps, userId: number, data: z.output<typeof newSiteInput>) {
  const { db, clock } = deps;
  const [user] = await db.select({ canCreateSites: users.canCreateSites }).from(users).where(eq(users.id, userId));
  if (!user?.canCreateSites) throw new Forbidden("forbidden", "Only the owners of this Beckon installation can add sites.");
  let ownerPhone: string | null = null;
  if (data.ownerPhone) {
    const phone = parsePhone(data.ownerPhone, data.phoneCountry);
    if (!phone.ok) throw validationFailed({ ownerPhone: phone.message });
    ownerPhone = phone.e164;
  }
  const now = clock.now();
  const [recent] = await db.select({ n: count() }).from(sites).where(and(eq(sites.createdBy, userId), gt(sites.createdAt, new Date(now.getTime() - 86_400_000))));
  if (recent!.n >= SITES_PER_DAY) throw new RateLimited("too_many_sites", `You added ${SITES_PER_DAY} sites in the last 24 hours. Try again tomorrow.`);
  const key = await uniqueSiteKey(db, data.name);
  const site = await db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({ key, name: data.name, createdBy: userId, createdAt: now, settings: { timezone: data.timezone, phoneCountry: data.phoneCountry } })
      .returning({ id: sites.id, key: sites.key, name: sites.name });
    await tx.insert(siteMembers).values({ siteId: site!.id, userId, role: "owner" });
    return site!;
  });
  const phone = ownerPhone ? await requestPhoneUse(deps, userId, ownerPhone, { kind: "site_alerts", siteIds: [site.id] }).catch((err: unknown) => {
    if (err instanceof DomainError) return { verified: false as const, error: err.message };
    throw err;
  }) : null;
  return { site: { key: site.key, name: site.name }, phone };
}

/** Members work the inbox; only owners change how the site looks, who is on it, and where alerts go. */
export function requireOwner(site: MemberSite, doing: string): void {
  if (site.role !== "owner") throw new Forbidden("forbidden", `Only the site's owner can ${doing}.`);
}

async function uniqueSiteKey(db: Db, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32) || "site";
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    const [taken] = await db.select({ id: sites.id }).from(sites).where(eq(sites.key, key));
    if (!taken) return key;
  }
}
