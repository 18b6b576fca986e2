import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { apiTokens, siteMembers, sites } from "../db/schema.ts";
import { Conflict, NotFound } from "../domain-errors.ts";
import { typedText, validationFailed } from "../http/validation.ts";

export const TOKEN_PREFIX = "bk_";
const MAX_TOKENS = 20;

export const createTokenInput = z.object({
  name: typedText().trim().min(1, "Name the token, e.g. the tool that will use it.").max(80),
  sites: z.array(z.string().max(100)).min(1, "Choose at least one site."),
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The sites a user owns: the ones a token may be scoped to. */
async function ownedSites(db: Db, userId: number) {
  return db
    .select({ id: sites.id, key: sites.key, name: sites.name })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(and(eq(siteMembers.userId, userId), eq(siteMembers.role, "owner")))
    .orderBy(sites.name);
}

/** A user's live tokens (never the token itself) and the sites they could scope a new one to. */
export async function listTokens(db: Db, userId: number) {
  const owned = await ownedSites(db, userId);
  const keyOf = new Map(owned.map((s) => [s.id, s.key]));
  const rows = await db.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).orderBy(desc(apiTokens.id));
  return {
    tokens: rows.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      sites: t.siteIds.map((id) => keyOf.get(id)).filter((k): k is string => !!k),
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    })),
    sites: owned.map(({ key, name }) => ({ key, name })),
  };
}

/** Makes a token for the user's chosen sites (owned ones only). The token is in the answer this once; only its hash is kept. */
export async function createToken(db: Db, clock: Clock, userId: number, data: z.output<typeof createTokenInput>) {
  const owned = await ownedSites(db, userId);
  const chosen = owned.filter((s) => data.sites.includes(s.key));
  if (chosen.length !== new Set(data.sites).size) throw validationFailed({ sites: "Choose sites you own." });
  const live = await db.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  if (live.length >= MAX_TOKENS) throw new Conflict("too_many_tokens", `You have ${MAX_TOKENS} tokens. Revoke one you no longer use first.`);
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name: data.name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashToken(token), siteIds: chosen.map((s) => s.id), createdAt: clock.now() })
    .returning();
  return { token: { id: row!.id, name: row!.name, prefix: row!.prefix, sites: chosen.map((s) => s.key), createdAt: row!.createdAt.toISOString(), lastUsedAt: null }, secret: token };
}

/** Revokes one of the user's tokens: it stops working at once. */
export async function revokeToken(db: Db, clock: Clock, userId: number, id: number) {
  const done = Number.isSafeInteger(id)
    ? await db.update(apiTokens).set({ revokedAt: clock.now() }).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id })
    : [];
  if (!done.length) throw new NotFound("not_found", "There is no such token.");
}

/** Who a bearer token acts for: the user and the sites it may see (still owned by them), or undefined. */
export type TokenGrant = { tokenId: number; userId: number; siteIds: number[] };

// last_used_at is written at most once a minute per token, so reads stay reads.
const TOUCH_MS = 60_000;

export async function authenticateToken(db: Db, clock: Clock, token: string): Promise<TokenGrant | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  // A token never outlives its owner's role: sites they no longer own drop out of its scope.
  const still = row.siteIds.length
    ? await db
        .select({ id: siteMembers.siteId })
        .from(siteMembers)
        .where(and(eq(siteMembers.userId, row.userId), eq(siteMembers.role, "owner"), inArray(siteMembers.siteId, row.siteIds)))
    : [];
  return { tokenId: row.id, userId: row.userId, siteIds: still.map((s) => s.id) };
}
