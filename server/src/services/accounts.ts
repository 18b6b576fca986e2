import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { siteMembers, sites, users, type SiteRole } from "../db/schema.ts";
import { ApiError } from "../http/errors.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords.ts";
import { parsePhone } from "./phone.ts";
import { readSettings, siteSettingsSchema } from "./site-settings.ts";
import type { Site } from "./sites.ts";
import type { SessionUser } from "./sessions.ts";
import { parseOrThrow, validationFailed, typedText } from "./validation.ts";

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

const setupInput = z.object({
  name: personName,
  email,
  password,
  siteName: newSiteInput.shape.name,
  ownerPhone: z.string().trim().min(1, "Enter the mobile number alerts go to.").max(40),
  timezone: newSiteInput.shape.timezone,
  phoneCountry: newSiteInput.shape.phoneCountry,
});

const memberInput = z.object({ name: personName, email, password });

/** Whether first-run setup is still open: true until the first account exists. */
export async function setupNeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return row!.n === 0;
}

/**
 * First run: creates the owner account and their site, and makes them owner of the demo site too
 * (whose alerts go to their mobile unless OWNER_PHONE said otherwise), so the demo shop reaches them.
 */
export async function runSetup(db: Db, input: unknown): Promise<SessionUser> {
  const data = parseOrThrow(setupInput, input);
  if (!(await setupNeeded(db))) throw new ApiError(409, "already_set_up", "This Beckon already has an owner. Sign in instead.");
  const phone = parsePhone(data.ownerPhone, data.phoneCountry);
  if (!phone.ok) throw validationFailed({ ownerPhone: phone.message });
  const passwordHash = await hashPassword(data.password);
  const siteKey = await uniqueSiteKey(db, data.siteName);
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ name: data.name, email: data.email, passwordHash }).returning();
    const [site] = await tx
      .insert(sites)
      .values({ key: siteKey, name: data.siteName, ownerPhone: phone.e164, settings: { timezone: data.timezone, phoneCountry: data.phoneCountry } })
      .returning();
    await tx.insert(siteMembers).values({ siteId: site!.id, userId: user!.id, role: "owner" });
    const [demo] = await tx.select().from(sites).where(eq(sites.key, "demo"));
    if (demo) {
      await tx.insert(siteMembers).values({ siteId: demo.id, userId: user!.id, role: "owner" });
      if (!demo.ownerPhone) await tx.update(sites).set({ ownerPhone: phone.e164 }).where(eq(sites.id, demo.id));
    }
    return { id: user!.id, name: user!.name, email: user!.email };
  });
}

/** Creates the owner from OWNER_EMAIL/OWNER_PASSWORD at start-up, once, as owner of the demo site. */
export async function ensureOwnerAccount(db: Db, opts: { email: string; password: string; demoSiteId: number }): Promise<void> {
  const address = opts.email.toLowerCase();
  const [existing] = await db.select().from(users).where(eq(users.email, address));
  if (existing) return;
  const [user] = await db
    .insert(users)
    .values({ name: address.split("@")[0]!, email: address, passwordHash: await hashPassword(opts.password) })
    .returning();
  await db.insert(siteMembers).values({ siteId: opts.demoSiteId, userId: user!.id, role: "owner" });
}

/** Checks credentials; the same answer and timing whether the email or the password was wrong. */
export async function authenticate(db: Db, input: unknown): Promise<SessionUser> {
  const data = parseOrThrow(z.object({ email: z.string().max(200), password: z.string().max(200) }), input);
  const [user] = await db.select().from(users).where(eq(users.email, data.email.trim().toLowerCase()));
  const ok = await verifyPassword(data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new ApiError(401, "invalid_credentials", "That email and password don't match an account.");
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
  if (!row) throw new ApiError(404, "not_found", "There is no such site in your account.");
  return { ...row, settings: readSettings(row.settings) };
}

/** Adds a site owned by the user. */
export async function createSite(db: Db, userId: number, input: unknown) {
  const data = parseOrThrow(newSiteInput, input);
  let ownerPhone: string | null = null;
  if (data.ownerPhone) {
    const phone = parsePhone(data.ownerPhone, data.phoneCountry);
    if (!phone.ok) throw validationFailed({ ownerPhone: phone.message });
    ownerPhone = phone.e164;
  }
  const key = await uniqueSiteKey(db, data.name);
  return db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({ key, name: data.name, ownerPhone, settings: { timezone: data.timezone, phoneCountry: data.phoneCountry } })
      .returning({ id: sites.id, key: sites.key, name: sites.name });
    await tx.insert(siteMembers).values({ siteId: site!.id, userId, role: "owner" });
    return { key: site!.key, name: site!.name };
  });
}

/** The people who can work a site. */
export async function membersOf(db: Db, siteId: number) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(eq(siteMembers.siteId, siteId))
    .orderBy(users.name);
}

/** Members work the inbox; only owners change how the site looks, who is on it, and where alerts go. */
export function requireOwner(site: MemberSite, doing: string): void {
  if (site.role !== "owner") throw new ApiError(403, "forbidden", `Only the site's owner can ${doing}.`);
}

/** Adds a member to a site: an existing account by email, or a new one with the given password. Owners only. */
export async function addMember(db: Db, site: MemberSite, input: unknown) {
  requireOwner(site, "add people");
  const emailOnly = z.object({ email }).safeParse(input);
  const [existing] = emailOnly.success ? await db.select().from(users).where(eq(users.email, emailOnly.data.email)) : [];
  const userId = existing
    ? existing.id
    : await (async () => {
        const data = parseOrThrow(memberInput, input);
        const [user] = await db.insert(users).values({ name: data.name, email: data.email, passwordHash: await hashPassword(data.password) }).returning();
        return user!.id;
      })();
  await db.insert(siteMembers).values({ siteId: site.id, userId, role: "member" }).onConflictDoNothing();
  return membersOf(db, site.id);
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
