import { and, eq, gt, isNull } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { oneTimeLinks, type SiteRole } from "../db/schema.ts";
import { NotFound } from "../domain-errors.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type OneTimeLink = typeof oneTimeLinks.$inferSelect;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a link that works once before `expiresAt`; returns the token (only its hash is stored). */
export async function createLink(
  db: Db | Tx,
  link: { purpose: "invite" | "reset"; email: string; siteId?: number; role?: SiteRole; createdBy?: number; now: Date; validMs: number },
): Promise<{ id: number; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(oneTimeLinks)
    .values({
      purpose: link.purpose,
      tokenHash: hashToken(token),
      email: link.email,
      siteId: link.siteId ?? null,
      role: link.role ?? null,
      createdBy: link.createdBy ?? null,
      createdAt: link.now,
      expiresAt: new Date(link.now.getTime() + link.validMs),
    })
    .returning({ id: oneTimeLinks.id });
  return { id: row!.id, token };
}

/** The live link a token refers to (not used, revoked or expired), or a 404 that says what to do. */
export async function findLink(db: Db | Tx, purpose: "invite" | "reset", token: string, now: Date): Promise<OneTimeLink> {
  const [row] = await db
    .select()
    .from(oneTimeLinks)
    .where(
      and(
        eq(oneTimeLinks.tokenHash, hashToken(token)),
        eq(oneTimeLinks.purpose, purpose),
        isNull(oneTimeLinks.usedAt),
        isNull(oneTimeLinks.revokedAt),
        gt(oneTimeLinks.expiresAt, now),
      ),
    );
  if (!row) {
    throw new NotFound("link_not_valid",
      purpose === "invite"
        ? "This invitation link has expired or was already used. Ask the owner to invite you again."
        : "This reset link has expired or was already used. Ask for a new one.",
    );
  }
  return row;
}

/** Marks a link used; false if another request used it first (so it works exactly once). */
export async function useLink(tx: Db | Tx, id: number, now: Date): Promise<boolean> {
  const used = await tx
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(and(eq(oneTimeLinks.id, id), isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt)))
    .returning({ id: oneTimeLinks.id });
  return used.length === 1;
}
