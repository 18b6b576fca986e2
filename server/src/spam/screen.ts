import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { SpamReason } from "../db/schema.ts";
import { isBlocked, type Sender } from "./blocklist.ts";
import type { Challenges } from "./challenge.ts";

/** What a submission service asks before it stores a request: is this spam, and why. */
export type SenderCheck = {
  senderHash: string;
  screen(who: { phone?: string; email?: string }): Promise<SpamReason | null>;
};

/**
 * Screens one submission, after it validated (so a typo does not spend the shopper's challenge):
 * a blocked sender, or (when challenges are on) a missing, wrong, expired or reused solution, is spam.
 * Spam is stored for the owner's Spam view and never alerts anyone.
 */
export function senderCheck(deps: { db: Db; clock: Clock; challenges: Challenges | undefined }, siteId: number, hash: string, solution: unknown): SenderCheck {
  return {
    senderHash: hash,
    async screen(who) {
      const sender: Sender = { ...who, senderHash: hash };
      if (await isBlocked(deps.db, siteId, sender, deps.clock.now())) return "blocked_sender";
      if (deps.challenges && !(await deps.challenges.spend(solution))) return "no_challenge";
      return null;
    },
  };
}

/** The proof-of-work solution the widget sends with a submission (`altcha` in the JSON body). */
export function solutionIn(body: unknown): unknown {
  return typeof body === "object" && body !== null ? (body as { altcha?: unknown }).altcha : undefined;
}
