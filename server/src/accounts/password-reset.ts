import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { oneTimeLinks, sessions, siteMembers, sites, users } from "../db/schema.ts";
import { Invalid, NotFound } from "../domain-errors.ts";
import { newMessageId } from "../channels/email/email.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { MIN_PASSWORD } from "./accounts.ts";
import { textToHtml } from "@beckon/contract/autoreply";
import { createLink, findLink, useLink } from "./one-time-links.ts";
import { hashPassword } from "./passwords.ts";
import type { SessionUser } from "./sessions.ts";

export const RESET_MINUTES = 60;
// A reset link is an email to someone's inbox: a few an hour per address is plenty.
const RESETS_PER_HOUR = 3;

export type ResetDeps = { db: Db; clock: Clock; publicUrl: string; mailFrom: { name: string; address: string } };

const password = z.string().min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`).max(200);

export const resetRequestInput = z.object({ email: z.email("Enter a valid email address.").transform((e) => e.toLowerCase()) });

/**
 * "Forgot password": emails a one-time link (valid an hour) if an account has that address. The
 * caller answers the same either way, so this reveals nothing about who is registered.
 */
export async function requestPasswordReset(deps: ResetDeps, data: z.output<typeof resetRequestInput>): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  const [user] = await db.select().from(users).where(eq(users.email, data.email));
  if (!user) return;
  const [recent] = await db
    .select({ n: count() })
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.email, data.email), eq(oneTimeLinks.purpose, "reset"), gt(oneTimeLinks.createdAt, new Date(now.getTime() - 3_600_000))));
  if (recent!.n >= RESETS_PER_HOUR) return;
  // Outbox mail belongs to a site; a reset is mailed through the person's first site.
  const [site] = await db
    .select({ id: sites.id })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(eq(siteMembers.userId, user.id))
    .orderBy(asc(siteMembers.createdAt))
    .limit(1);
  if (!site) return;
  await db.transaction(async (tx) => {
    const { token } = await createLink(tx, { purpose: "reset", email: data.email, now, validMs: RESET_MINUTES * 60_000 });
    const text = [
      `Someone (we hope you) asked to reset the Beckon password of ${data.email}.`,
      "",
      `Choose a new password: ${deps.publicUrl}/admin/reset-password#${token}`,
      "",
      `The link works once, for ${RESET_MINUTES} minutes. Didn't ask? Ignore this email: your password stays as it is.`,
    ].join("\n");
    await enqueueEmail(tx, {
      siteId: site.id,
      requestId: null,
      kind: "password_reset",
      to: { shopper: data.email },
      payload: { subject: "Reset your Beckon password", text, html: textToHtml(text), fromName: "Beckon", replyTo: deps.mailFrom, messageId: newMessageId(deps.mailFrom.address) },
      now,
    });
  });
}

/** The address a reset link is for, so the page can say whose password is being set. */
export async function resetInfo(db: Db, clock: Clock, token: string): Promise<{ email: string }> {
  const link = await findLink(db, "reset", token, clock.now());
  return { email: link.email };
}

export const resetInput = z.object({ token: z.string().min(1).max(200), password });

/** Sets a new password from a reset link, once; every other session of that account ends. */
export async function resetPassword(db: Db, clock: Clock, data: z.output<typeof resetInput>): Promise<SessionUser> {
  const now = clock.now();
  const link = await findLink(db, "reset", data.token, now);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    if (!(await useLink(tx, link.id, now))) throw new NotFound("link_not_valid", "This reset link was already used. Ask for a new one.");
    return setPasswordIn(tx, link.email, passwordHash, now);
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function setPasswordIn(tx: Tx | Db, email: string, passwordHash: string, now: Date): Promise<SessionUser> {
  const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.email, email)).returning();
  if (!user) throw new NotFound("not_found", `There is no account for ${email}.`);
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
  return { id: user.id, name: user.name, email: user.email };
}

/** Sets a password directly (the command-line reset); signs the account out everywhere. */
export async function setPassword(db: Db, clock: Clock, emailAddress: string, newPassword: string): Promise<SessionUser> {
  const pw = password.safeParse(newPassword);
  if (!pw.success) throw new Invalid("validation_failed", pw.error.issues[0]!.message);
  const passwordHash = await hashPassword(pw.data);
  return db.transaction((tx) => setPasswordIn(tx, emailAddress.trim().toLowerCase(), passwordHash, clock.now()));
}
