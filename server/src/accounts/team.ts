import { and, asc, count, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { oneTimeLinks, siteMembers, sites, users, verifiedPhones, type SiteRole } from "../db/schema.ts";
import { Conflict, Invalid, NotFound, RateLimited, Unauthorized } from "../domain-errors.ts";
import { newMessageId } from "../channels/email/email.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { requireOwner, type MemberSite, MIN_PASSWORD } from "./accounts.ts";
import { textToHtml } from "@beckon/contract/autoreply";
import { createLink, findLink, useLink } from "./one-time-links.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import type { SessionUser } from "./sessions.ts";

export const INVITE_HOURS = 48;
// Each invitation is an email sent in the owner's name: plenty for a small team, useless for spam.
const INVITES_PER_DAY_PER_SITE = 30;

export type TeamDeps = ChangeDeps & { publicUrl: string; mailFrom: { name: string; address: string } };

const email = z.email("Enter a valid email address.").transform((e) => e.toLowerCase());
const role = z.enum(["owner", "member"], { message: "Choose Owner or Member." });

/** The people who can work a site, and whether each gets its SMS alerts. */
export async function membersOf(db: Db, siteId: number) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: siteMembers.role, alertPhone: siteMembers.alertPhone })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(eq(siteMembers.siteId, siteId))
    .orderBy(users.name);
  return rows.map(({ alertPhone, ...m }) => ({ ...m, smsAlerts: !!alertPhone }));
}

/** Invitations sent for a site that are still waiting. */
export async function pendingInvites(db: Db, clock: Clock, siteId: number) {
  return db
    .select({ id: oneTimeLinks.id, email: oneTimeLinks.email, role: oneTimeLinks.role, expiresAt: oneTimeLinks.expiresAt })
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.siteId, siteId), eq(oneTimeLinks.purpose, "invite"), isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt), gt(oneTimeLinks.expiresAt, clock.now())))
    .orderBy(desc(oneTimeLinks.id));
}

export const inviteInput = z.object({ email, role: role.default("member") });

/**
 * Invites someone by email: a one-time link, valid 48 hours, with which they set their own password
 * (or, with an account here already, sign in). The answer is the same whether or not an account
 * exists for that address, so inviting reveals nothing about who is registered. Owners only.
 */
export async function invite(deps: TeamDeps, site: MemberSite, inviter: SessionUser, data: z.output<typeof inviteInput>): Promise<{ email: string }> {
  requireOwner(site, "invite people");
  const { db, clock } = deps;
  const now = clock.now();
  const [recent] = await db
    .select({ n: count() })
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.siteId, site.id), eq(oneTimeLinks.purpose, "invite"), gt(oneTimeLinks.createdAt, new Date(now.getTime() - 86_400_000))));
  if (recent!.n >= INVITES_PER_DAY_PER_SITE) throw new RateLimited("too_many_invites", "That's enough invitations for today. Try again tomorrow.");
  await deps.pipeline.commit(db, async (tx) => {
    // A new invitation replaces an earlier one to the same address for this site.
    await tx
      .update(oneTimeLinks)
      .set({ revokedAt: now })
      .where(and(eq(oneTimeLinks.siteId, site.id), eq(oneTimeLinks.purpose, "invite"), eq(oneTimeLinks.email, data.email), isNull(oneTimeLinks.usedAt)));
    const { token } = await createLink(tx, { purpose: "invite", email: data.email, siteId: site.id, role: data.role, createdBy: inviter.id, now, validMs: INVITE_HOURS * 3_600_000 });
    const link = `${deps.publicUrl}/admin/invite#${token}`;
    const text = [
      `${inviter.name} invited you to answer ${site.name}'s shoppers with Beckon${data.role === "owner" ? ", as an owner" : ""}.`,
      "",
      `Accept and choose your password: ${link}`,
      "",
      `The link works once, for ${INVITE_HOURS} hours. Not expecting this? Ignore this email.`,
    ].join("\n");
    await enqueueEmail(tx, {
      siteId: site.id,
      requestId: null,
      kind: "invite",
      to: { shopper: data.email },
      payload: { subject: `${inviter.name} invited you to ${site.name} on Beckon`.slice(0, 200), text, html: textToHtml(text), fromName: site.name, replyTo: { name: inviter.name, address: inviter.email }, messageId: newMessageId(deps.mailFrom.address) },
      now,
    });
  });
  return { email: data.email };
}

/** Withdraws a waiting invitation. Owners only. */
export async function revokeInvite(db: Db, clock: Clock, site: MemberSite, id: number): Promise<void> {
  requireOwner(site, "withdraw invitations");
  await db
    .update(oneTimeLinks)
    .set({ revokedAt: clock.now() })
    .where(and(eq(oneTimeLinks.id, id), eq(oneTimeLinks.siteId, site.id), eq(oneTimeLinks.purpose, "invite"), isNull(oneTimeLinks.usedAt)));
}

/** What the invitation page shows: for the invitee only (they hold the token from their own mailbox). */
export async function inviteInfo(db: Db, clock: Clock, token: string) {
  const link = await findLink(db, "invite", token, clock.now());
  const [site] = await db.select({ name: sites.name }).from(sites).where(eq(sites.id, link.siteId!));
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, link.email));
  return { email: link.email, siteName: site?.name ?? "", role: link.role ?? "member", hasAccount: !!account };
}

export const acceptInput = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1, "Enter your name.").max(80).optional(),
  password: z.string().min(1, "Enter a password.").max(200),
});

/**
 * Accepts an invitation, once: a newcomer names themselves and sets a password; someone with an
 * account here proves it with their password. Either way they join the site and are signed in.
 */
export async function acceptInvite(db: Db, clock: Clock, data: z.output<typeof acceptInput>): Promise<SessionUser> {
  const now = clock.now();
  const link = await findLink(db, "invite", data.token, now);
  const [existing] = await db.select().from(users).where(eq(users.email, link.email));
  let passwordHash: string | undefined;
  if (existing) {
    if (!(await verifyPassword(data.password, existing.passwordHash))) {
      throw new Unauthorized("invalid_credentials", "That password doesn't match your account. Use “Forgot password?” on the sign-in page if you need a new one.", { password: "Wrong password." });
    }
  } else {
    const fields: Record<string, string> = {};
    if (!data.name) fields.name = "Enter your name.";
    if (data.password.length < MIN_PASSWORD) fields.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (Object.keys(fields).length) throw new Invalid("validation_failed", "Please check the highlighted fields.", fields);
    passwordHash = await hashPassword(data.password);
  }
  return db.transaction(async (tx) => {
    if (!(await useLink(tx, link.id, now))) throw new NotFound("link_not_valid", "This invitation link was already used.");
    const [user] = existing
      ? [existing]
      : await tx.insert(users).values({ name: data.name!, email: link.email, passwordHash: passwordHash! }).onConflictDoNothing().returning();
    if (!user) throw new Conflict("conflict", "An account for this email was just created. Sign in, then open the link again.");
    await tx.insert(siteMembers).values({ siteId: link.siteId!, userId: user.id, role: link.role ?? "member" }).onConflictDoNothing();
    return { id: user.id, name: user.name, email: user.email };
  });
}

async function ownerCount(db: Db, siteId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(siteMembers).where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.role, "owner")));
  return row!.n;
}

async function membership(db: Db, siteId: number, userId: number) {
  const [row] = await db.select().from(siteMembers).where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
  if (!row) throw new NotFound("not_found", "That person is not on this site.");
  return row;
}

export const roleInput = z.object({ role });

/** Changes someone's role on the site; a site always keeps at least one owner. Owners only. */
export async function changeRole(db: Db, site: MemberSite, userId: number, data: z.output<typeof roleInput>): Promise<void> {
  requireOwner(site, "change roles");
  const current = await membership(db, site.id, userId);
  if (current.role === "owner" && data.role !== "owner" && (await ownerCount(db, site.id)) <= 1) {
    throw new Conflict("last_owner", "A site needs at least one owner. Make someone else an owner first.");
  }
  await db.update(siteMembers).set({ role: data.role as SiteRole }).where(and(eq(siteMembers.siteId, site.id), eq(siteMembers.userId, userId)));
}

/**
 * Removes someone from the site: they lose its inbox at once, and their number stops getting its
 * alerts (as the site's alert number too, if it was theirs). Owners only; never the last owner.
 */
export async function removeMember(db: Db, site: MemberSite, userId: number): Promise<void> {
  requireOwner(site, "remove people");
  const current = await membership(db, site.id, userId);
  if (current.role === "owner" && (await ownerCount(db, site.id)) <= 1) {
    throw new Conflict("last_owner", "A site needs at least one owner. Make someone else an owner first.");
  }
  await db.transaction(async (tx) => {
    await tx.delete(siteMembers).where(and(eq(siteMembers.siteId, site.id), eq(siteMembers.userId, userId)));
    const [phone] = await tx
      .select({ phone: verifiedPhones.phone })
      .from(sites)
      .innerJoin(verifiedPhones, eq(verifiedPhones.phone, sites.ownerPhone))
      .where(and(eq(sites.id, site.id), eq(verifiedPhones.userId, userId)));
    if (phone) await tx.update(sites).set({ ownerPhone: null }).where(eq(sites.id, site.id));
  });
}

/** Stops this person's own SMS alerts for the site. */
export async function stopMyAlerts(db: Db, siteId: number, userId: number): Promise<void> {
  await db.update(siteMembers).set({ alertPhone: null }).where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
}

/** This person's own alert number on the site, if they opted in. */
export async function myAlertPhone(db: Db, siteId: number, userId: number): Promise<string | null> {
  const [row] = await db.select({ phone: siteMembers.alertPhone }).from(siteMembers).where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
  return row?.phone ?? null;
}

