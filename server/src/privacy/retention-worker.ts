import { periodicLoop } from "../periodic-loop.ts";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { jobLeases, sites } from "../db/schema.ts";
import { readSettings } from "../sites/site-settings.ts";
import type { FileStore } from "../files/file-store.ts";
import { reapDeletedFiles } from "../files/attachments.ts";
import { addCounts, type Counts } from "./erase.ts";
import { PRUNABLE, pruneTableBatch } from "./prune-tables.ts";
import { EVENTS_KEEP_MS, pruneEventsBatch, pruneSiteBatch, pruneSiteOutbox, retentionCutoff } from "./retention.ts";

export type RetentionWorkerDeps = {
  db: Db;
  clock: Clock;
  log: Pick<Console, "error">;
  /** How often to look whether the job is due. */
  pollMs: number;
  /** Time between runs. */
  everyMs?: number;
  /** How long a claim holds without being renewed; a crashed run's claim lapses after this. */
  leaseMs?: number;
  /** Rows per transaction: small enough that other requests are never held up for long. */
  batch?: number;
  /** Where attachments are kept: the bytes of deleted requests' files are removed after each run. */
  files?: FileStore | undefined;
  /** Names this process in the lease (tests set it). */
  holder?: string;
};

/** What one run deleted: per site (by id), how many old live events, and dead rows of other tables (by name). */
export type RetentionRun = { sites: Record<number, Counts>; events: number; tables: Counts };

const JOB = "retention";

/**
 * Deletes what retention no longer allows: each site's requests and chats past its `retentionMonths`
 * (with everything tied to them; an audit line per batch with the counts), and live events past
 * EVENTS_KEEP_MS, and rows of other tables that no longer serve anything (see PRUNABLE). One process at a time holds the job's lease in `job_leases`; batches are their
 * own transactions, so a run cut short loses nothing and the next holder carries on.
 */
export function createRetentionWorker(deps: RetentionWorkerDeps) {
  const { db, clock } = deps;
  const everyMs = deps.everyMs ?? 60 * 60_000;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const batch = deps.batch ?? 200;
  const holder = deps.holder ?? randomUUID();
  let stopping = false;

  async function claim(now: Date): Promise<boolean> {
    await db.insert(jobLeases).values({ name: JOB, nextRunAt: now }).onConflictDoNothing();
    const [row] = await db
      .update(jobLeases)
      .set({ holder, lockedUntil: new Date(now.getTime() + leaseMs) })
      .where(and(eq(jobLeases.name, JOB), lte(jobLeases.nextRunAt, now), or(isNull(jobLeases.lockedUntil), lte(jobLeases.lockedUntil, now))))
      .returning({ name: jobLeases.name });
    return Boolean(row);
  }

  /** Extends the claim between batches; false when this process is stopping (the claim is handed back
   * at once, still due, so the next process resumes) or the claim lapsed and another took the job over. */
  async function renew(): Promise<boolean> {
    if (stopping) {
      await db.update(jobLeases).set({ holder: null, lockedUntil: null }).where(and(eq(jobLeases.name, JOB), eq(jobLeases.holder, holder)));
      return false;
    }
    const [row] = await db
      .update(jobLeases)
      .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
      .where(and(eq(jobLeases.name, JOB), eq(jobLeases.holder, holder)))
      .returning({ name: jobLeases.name });
    return Boolean(row);
  }

  async function release(started: Date) {
    await db
      .update(jobLeases)
      .set({ holder: null, lockedUntil: null, lastRunAt: started, nextRunAt: new Date(started.getTime() + everyMs) })
      .where(and(eq(jobLeases.name, JOB), eq(jobLeases.holder, holder)));
  }

  /** Runs the job if it is due and no other process holds it; null when it did not run. */
  async function drain(): Promise<RetentionRun | null> {
    const now = clock.now();
    if (!(await claim(now))) return null;
    const run: RetentionRun = { sites: {}, events: 0, tables: {} };
    for (const site of await db.select({ id: sites.id, settings: sites.settings }).from(sites)) {
      // One site's failure is logged and retried next run; it must not keep the others' data forever.
      try {
        const months = readSettings(site.settings).retentionMonths;
        if (months === null) continue;
        const cutoff = retentionCutoff(months, now);
        for (;;) {
          const counts = await pruneSiteBatch(db, site.id, cutoff, batch, now);
          if (!Object.keys(counts).length) break;
          run.sites[site.id] = addCounts(run.sites[site.id] ?? {}, counts);
          if (!(await renew())) return run;
        }
        const leftovers = await pruneSiteOutbox(db, site.id, cutoff, now);
        if (leftovers) run.sites[site.id] = addCounts(run.sites[site.id] ?? {}, { outbox: leftovers });
      } catch (err) {
        deps.log.error(`retention failed for site ${site.id}`, err);
      }
    }
    const before = new Date(now.getTime() - EVENTS_KEEP_MS);
    for (let n = await pruneEventsBatch(db, before, batch); n; n = await pruneEventsBatch(db, before, batch)) {
      run.events += n;
      if (!(await renew())) return run;
    }
    for (const prunable of PRUNABLE) {
      for (let n = await pruneTableBatch(db, prunable, now, batch); n; n = await pruneTableBatch(db, prunable, now, batch)) {
        addCounts(run.tables, { [prunable.name]: n });
        if (!(await renew())) return run;
      }
    }
    if (deps.files) {
      const reaped = await reapDeletedFiles(db, deps.files, batch);
      if (reaped) addCounts(run.tables, { files: reaped });
    }
    await release(now);
    return run;
  }

  const loop = periodicLoop(drain, { pollMs: deps.pollMs, onError: (err) => deps.log.error("retention failed", err) });

  return {
    drain,
    /** When the loop last went round (real time, ms), for `/healthz`; a long run does not hold it back. */
    lastTick: loop.lastTick,
    start: loop.start,
    async stop() {
      stopping = true;
      await loop.stop();
    },
  };
}
