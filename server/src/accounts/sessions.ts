import { and, eq, gt, isNull } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { sessions, users } from "../db/schema.ts";

export const SESSION_DAYS = 30;

export type SessionUser = { id: number; name: string; email: string };
export type ActiveSession = { id: string; csrfToken: string; user: SessionUser };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(db: Db, clock: Clock, userId: number) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = clock.now();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return { token, csrfToken };
}

/** The live session a cookie token refers to: not revoked, not expired. */
export async function findSession(db: Db, clock: Clock, token: string): Promise<ActiveSession | undefined> {
  const [row] = await db
    .select({ id: sessions.id, csrfToken: sessions.csrfToken, user: { id: users.id, name: users.name, email: users.email } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, clock.now())));
  return row;
}

/** Signs out: the session stops working at once, wherever its cookie still lives. */
export async function revokeSession(db: Db, clock: Clock, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: clock.now() }).where(eq(sessions.id, sessionId));
}
