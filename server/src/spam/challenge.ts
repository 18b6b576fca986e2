import { createHmac } from "node:crypto";
import { lt } from "drizzle-orm";
import { createChallenge, extractParams, verifySolution } from "altcha-lib/v1";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { spentChallenges } from "../db/schema.ts";

export type ChallengeConfig = {
  /** The search space: the widget tries on average half of it (50,000 → about a second in a phone's browser). */
  maxNumber: number;
  /** How long an issued challenge may be solved and sent. */
  ttlMs: number;
};

export type ChallengeSolution = { algorithm: string; challenge: string; number: number; salt: string; signature: string };

/**
 * Proof of work for the public forms (ALTCHA, v1 format: find `number` with SHA-256(salt + number) =
 * challenge). No third party, no tracking: it makes each automated post cost CPU, while a person's
 * browser solves it in the background as they type. A solved challenge is spent on first use.
 */
export function createChallenges(deps: { db: Db; clock: Clock; secret: string; config: ChallengeConfig }) {
  const hmacKey = createHmac("sha256", deps.secret).update("beckon:altcha").digest("hex");
  let issued = 0;
  return {
    async issue() {
      const expires = new Date(deps.clock.now().getTime() + deps.config.ttlMs);
      if (++issued % 100 === 0) await deps.db.delete(spentChallenges).where(lt(spentChallenges.expiresAt, deps.clock.now()));
      return createChallenge({ hmacKey, maxNumber: deps.config.maxNumber, expires, algorithm: "SHA-256" });
    },

    /** True once for a correct, unexpired solution; false for anything else, and for any later use of it. */
    async spend(solution: unknown): Promise<boolean> {
      if (!isSolution(solution)) return false;
      // Expiry is checked against our clock, not altcha's Date.now(), so tests can move time.
      if (!(await verifySolution(solution as Parameters<typeof verifySolution>[0], hmacKey, false).catch(() => false))) return false;
      const expires = Number(extractParams(solution as Parameters<typeof extractParams>[0]).expires) * 1000;
      if (!Number.isFinite(expires) || expires <= deps.clock.now().getTime()) return false;
      const spent = await deps.db.insert(spentChallenges).values({ signature: solution.signature, expiresAt: new Date(expires) }).onConflictDoNothing().returning();
      return spent.length === 1;
    },
  };
}

export type Challenges = ReturnType<typeof createChallenges>;

function isSolution(value: unknown): value is ChallengeSolution {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.algorithm === "SHA-256" && typeof v.challenge === "string" && typeof v.salt === "string" && typeof v.signature === "string" && Number.isSafeInteger(v.number) && v.salt.length <= 200;
}
