import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rateCounters } from "../db/schema.ts";
import { encoded, preparedBy } from "../db/prepared.ts";

/** No budget's window is longer than this: windows past it can be pruned by their start alone. */
export const LONGEST_WINDOW_MS = 3600_000;

/** One budget: at most `limit` counted events per fixed window of `windowMs`, under `key`. */
export type Budget = { key: string; limit: number; windowMs: number };

const windowOf = (budget: Budget, now: Date) => new Date(Math.floor(now.getTime() / budget.windowMs) * budget.windowMs);
const secondsLeft = (budget: Budget, now: Date) => Math.max(1, Math.ceil((windowOf(budget, now).getTime() + budget.windowMs - now.getTime()) / 1000));

const placeholder = (name: string) => sql.placeholder(name);
/** The rows of `n` budgets' current windows (placeholders k0, w0, k1, w1, …; windows in ms). */
const readCounts = preparedBy((db, n: number) =>
  db
    .select({ key: rateCounters.key, windowStart: rateCounters.windowStart, count: rateCounters.count })
    .from(rateCounters)
    .where(or(...Array.from({ length: n }, (_, i) => and(eq(rateCounters.key, placeholder(`k${i}`)), eq(rateCounters.windowStart, placeholder(`w${i}`))))))
    .prepare(),
);
/** The placeholders' values for `budgets` at `now`. */
function windowsOf(budgets: Budget[], now: Date): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  budgets.forEach((b, i) => ((values[`k${i}`] = b.key), (values[`w${i}`] = encoded(rateCounters, { windowStart: windowOf(b, now) }).windowStart)));
  return values;
}

/**
 * Counters in the database, so every process on it shares them and a restart forgets nothing.
 * Fixed windows: cheap (one row per key and window), and a burst at a window's edge gets at most twice
 * the limit, which is fine for stopping scripts.
 */
export function createCounters(db: Db) {
  let hits = 0;
  // Counts asked for in the same turn of the event loop are written together: one upsert for all of them
  // (a burst of submissions counts the same site budget many times), instead of one write each (issue #16).
  let pending = new Map<string, { key: string; windowStart: Date; count: number }>();
  let waiting: { resolve(): void; reject(err: unknown): void }[] = [];

  async function flush() {
    const rows = [...pending.values()];
    const callers = waiting;
    pending = new Map();
    waiting = [];
    try {
      await db
        .insert(rateCounters)
        .values(rows)
        .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { count: sql`${rateCounters.count} + excluded.count` } });
      for (const caller of callers) caller.resolve();
    } catch (err) {
      for (const caller of callers) caller.reject(err);
    }
  }

  return {
    /** The seconds to wait if any budget is already used up, else null. Counts nothing. */
    async exhausted(budgets: Budget[], now: Date): Promise<number | null> {
      if (!budgets.length) return null;
      // One query for every budget: this runs before each public submission.
      const rows = await readCounts(db, budgets.length).all(windowsOf(budgets, now));
      let wait: number | null = null;
      for (const budget of budgets) {
        const start = windowOf(budget, now).getTime();
        const row = rows.find((r) => r.key === budget.key && r.windowStart.getTime() === start);
        if ((row?.count ?? 0) >= budget.limit) wait = Math.max(wait ?? 0, secondsLeft(budget, now));
      }
      return wait;
    },
    /** Counts one event against each budget (settles once it is written). */
    async count(budgets: Budget[], now: Date): Promise<void> {
      if (!budgets.length) return;
      for (const budget of budgets) {
        const windowStart = windowOf(budget, now);
        const id = `${budget.key}\u0000${windowStart.getTime()}`;
        const row = pending.get(id);
        if (row) row.count++;
        else pending.set(id, { key: budget.key, windowStart, count: 1 });
      }
      await new Promise<void>((resolve, reject) => {
        if (waiting.push({ resolve, reject }) === 1) setImmediate(flush);
      });
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
