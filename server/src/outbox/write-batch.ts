import type { Db } from "../db/client.ts";

type Query = Parameters<Db["batch"]>[0][number];

/**
 * Coalesces small writes asked for in the same turn of the event loop into one batch: one transaction,
 * one commit and one wait for the database, however many. The outbox records each send's outcome this
 * way; in a burst a lane finishes many sends at once, and one write per send queued behind the intake's
 * transactions was what held SMS back. Each caller's promise settles when its own write is done; if the
 * batch fails, its writes are retried one by one, so one bad row fails only its own caller.
 */
export function writeBatcher(db: Db): (query: Query) => Promise<void> {
  let pending: { query: Query; resolve: () => void; reject: (err: unknown) => void }[] = [];

  async function flush() {
    const writes = pending;
    pending = [];
    try {
      await db.batch(writes.map((w) => w.query) as [Query, ...Query[]]);
      for (const w of writes) w.resolve();
    } catch {
      for (const w of writes) await (w.query as unknown as PromiseLike<unknown>).then(w.resolve, w.reject);
    }
  }

  return (query) =>
    new Promise<void>((resolve, reject) => {
      if (pending.push({ query, resolve, reject }) === 1) setImmediate(flush);
    });
}
