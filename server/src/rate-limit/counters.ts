import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rateCounters } from "../db/schema.ts";

/** No budget's window is longer than this: windows past it can be pruned by their start alone. */
export const LONGEST_WINDOW_MS = 3600_000;

/** One budget: at most `limit` counted events per fixed window of `windowMs`, under `key`. */
export type Budget = { key: string; limit: number; windowMs: number };

const windowOf = (budget: Budget, now: Date) => new Date(Math.floor(now.getTime() / budget.windowMs) * budget.windowMs);
const secondsLeft = (budget: Budget, now: Date) => Math.max(1, Math.ceil((windowOf(budget, now).getTime() + budget.windowMs - now.getTime()) / 1000));

/**
 * Counters in the database, so every process on it shares them and a restart forgets nothing.
 * Fixed windows: cheap (one row per key and window), and a burst at a window's edge gets at most twice
 * the limit, which is fine for stopping scripts.
 */
export function createCounters(db: Db) {
  let hits = 0;
  return {
    /** The seconds to wait if any budget is already used up, else null. Counts nothing. */
    async exhausted(budgets: Budget[], now: Date): Promise<number | null> {
      let wait: number | null = null;
      for (const budget of budgets) {
        const [row] = await db
          .select({ count: rateCounters.count })
          .from(rateCounters)
          .where(and(eq(rateCounters.key, budget.key), eq(rateCounters.windowStart, windowOf(budget, now))));
        if ((row?.count ?? 0) >= budget.limit) wait = Math.max(wait ?? 0, secondsLeft(budget, now));
      }
      return wait;
    },

    /** Counts one event against each budget. */
    async count(budgets: Budget[], now: Date): Promise<void> {
      for (const budget of budgets) {
        await db
          .insert(rateCounters)
          .values({ key: budget.key, windowStart: windowOf(budget, now), count: 1 })
          .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { count: sql`${rateCounters.count} + 1` } });
      }
      // Now and then, drop windows that ended long ago (the longest window is an hour).
      if (++hits % 200 === 0) await db.delete(rateCounters).where(lt(rateCounters.windowStart, new Date(now.getTime() - 24 * 3600_000)));
    },

    /** Counts one event and answers the wait if that went over a budget (for limits that count everything). */
    async hit(budgets: Budget[], now: Date): Promise<number | null> {
      const wait = await this.exhausted(budgets, now);
      if (wait !== null) return wait;
      await this.count(budgets, now);
      return null;
    },
  };
}

export type Counters = ReturnType<typeof createCounters>;
