import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { loginFailures } from "../db/schema.ts";
import { RateLimited } from "../domain-errors.ts";

const WINDOW_MS = 15 * 60_000;
const BACKSTOP_MS = 60 * 60_000;

/**
 * Failed sign-ins, counted in the database (shared by every process, kept across restarts):
 * - per (account, address): `perPair` in 15 minutes. A guesser locks only their own address out;
 *   the owner still signs in from anywhere else.
 * - per address, any account: 3 × `perPair` in 15 minutes, against one address spraying many accounts.
 * - per account, any address: 10 × `perPair` an hour, the slower backstop against a spread-out attack.
 */
export type LoginThrottle = { check(email: string, address: string): Promise<void>; failed(email: string, address: string): Promise<void>; succeeded(email: string, address: string): Promise<void> };

export function loginThrottle(db: Db, clock: Clock, perPair: number): LoginThrottle {
  const tooMany = (wait: string) =>
    new RateLimited("too_many_attempts", `Too many failed sign-ins. Wait ${wait} and try again, or use “Forgot password?”.`, wait === "an hour" ? 3600 : 900);
  const since = (ms: number) => gt(loginFailures.at, new Date(clock.now().getTime() - ms));
  const countWhere = async (where: ReturnType<typeof and>) => (await db.select({ n: count() }).from(loginFailures).where(where))[0]!.n;
  const key = (email: string) => email.trim().toLowerCase().slice(0, 200);

  return {
    async check(email, address) {
      if ((await countWhere(and(eq(loginFailures.email, key(email)), eq(loginFailures.address, address), since(WINDOW_MS)))) >= perPair) throw tooMany("15 minutes");
      if ((await countWhere(and(eq(loginFailures.address, address), since(WINDOW_MS)))) >= perPair * 3) throw tooMany("15 minutes");
      if ((await countWhere(and(eq(loginFailures.email, key(email)), since(BACKSTOP_MS)))) >= perPair * 10) throw tooMany("an hour");
    },
    async failed(email, address) {
      const now = clock.now();
      await db.insert(loginFailures).values({ email: key(email), address, at: now });
      await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - BACKSTOP_MS)));
    },
    async succeeded(email, address) {
      await db.delete(loginFailures).where(and(eq(loginFailures.email, key(email)), eq(loginFailures.address, address)));
    },
  };
}
