import { and, asc, eq, gt, max, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { events } from "../db/schema.ts";
import { encoded, placeholders, prepared } from "../db/prepared.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type LoggedEvent = { id: number; siteId: number; topic: string; type: string; data: Record<string, unknown>; createdAt: Date };
export type NewEvent = Pick<LoggedEvent, "siteId" | "topic" | "type" | "data">;
/** Which events a listener wants: one topic of one site. */
export type EventFilter = { siteId: number; topic: string };

export type EventLog = {
  /** Appends an event and tells this process's listeners at once (others hear it on their next poll). */
  publish(event: NewEvent): Promise<void>;
  /**
   * Tells this process's listeners of `event` at once without storing it (id 0: never replayed). Only for
   * what is worthless a few seconds later and must not grow the table, e.g. "is typing" (see chat/chat-live.ts).
   */
  announce(event: NewEvent): void;
  /** Hears every event of `filter` committed from now on, in order, from any process. */
  subscribe(filter: EventFilter, listener: (event: LoggedEvent) => void): () => void;
  /** Events of `filter` after `afterId`, oldest first: what a reconnecting client missed. */
  since(filter: EventFilter, afterId: number, limit?: number): Promise<LoggedEvent[]>;
  /** Looks for new rows now, e.g. after a transaction that appended events committed. */
  wake(): void;
  start(): Promise<void>;
  /** Stops polling and tells `onStop` listeners (open streams) that this process is going away. */
  stop(): void;
  /** Runs `listener` once when the log stops (shutdown); returns a function that forgets it. */
  onStop(listener: () => void): () => void;
};

/** Appends an event inside the caller's transaction, so it commits with what it reports, or not at all. */
export async function appendEvent(tx: Tx | Db, event: NewEvent, now: Date): Promise<number> {
  const [row] = await insertEvent(tx).all(encoded(events, { siteId: event.siteId ?? null, topic: event.topic, type: event.type, data: event.data ?? null, createdAt: now }));
  return row!.id;
}
const insertEvent = prepared((tx) => tx.insert(events).values(placeholders(["siteId", "topic", "type", "data", "createdAt"])).returning({ id: events.id }).prepare());

/**
 * The events table, tailed. Each process polls for rows after the last one it has seen and fans
 * them out to its own subscribers; ids grow in commit order because SQLite (and libsql) have one
 * writer at a time, so "after the last id" never skips a row.
 */
export function createEventLog(deps: { db: Db; clock: Clock; pollMs: number; log: Pick<Console, "error"> }): EventLog {
  const { db } = deps;
  const subscribers = new Set<{ filter: EventFilter; listener: (event: LoggedEvent) => void }>();
  let lastId = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling: Promise<void> | undefined;
  let again = false;
  const stopListeners = new Set<() => void>();

  async function pollOnce(): Promise<void> {
    for (;;) {
      again = false;
      const rows = await tail(db).all({ lastId });
      for (const row of rows) {
        lastId = row.id;
        fanOut(row);
      }
      if (rows.length < 500 && !again) return;
    }
  }

  function fanOut(row: LoggedEvent): void {
    for (const { filter, listener } of subscribers) {
      if (filter.siteId !== row.siteId || filter.topic !== row.topic) continue;
      try {
        listener(row);
      } catch (err) {
        deps.log.error("event listener failed", err);
      }
    }
  }

  function poll(): void {
    if (polling) {
      again = true;
      return;
    }
    polling = pollOnce()
      .catch((err) => deps.log.error("event log poll failed", err))
      .finally(() => (polling = undefined));
  }

  return {
    async publish(event) {
      await appendEvent(db, event, deps.clock.now());
      poll();
    },
    announce(event) {
      fanOut({ ...event, id: 0, createdAt: deps.clock.now() });
    },
    subscribe(filter, listener) {
      const entry = { filter, listener };
      subscribers.add(entry);
      return () => void subscribers.delete(entry);
    },
    async since(filter, afterId, limit = 1000) {
      return siteEventsAfter(db, filter, afterId, limit);
    },
    wake: poll,
    async start() {
      const [row] = await db.select({ last: max(events.id) }).from(events);
      lastId = row?.last ?? 0;
      timer = setInterval(() => subscribers.size && poll(), deps.pollMs);
      timer.unref?.();
    },
    stop() {
      clearInterval(timer);
      for (const listener of [...stopListeners]) listener();
      stopListeners.clear();
    },
    onStop(listener) {
      stopListeners.add(listener);
      return () => void stopListeners.delete(listener);
    },
  };
}

/** The tail: every event after `lastId`, a batch at a time (exported for db/query-plans.test.ts). */
const tail = prepared((db) => eventsAfter(db as Db, sql.placeholder("lastId") as unknown as number).prepare());
export function eventsAfter(db: Db, lastId: number) {
  return db.select().from(events).where(gt(events.id, lastId)).orderBy(asc(events.id)).limit(500);
}

/** A site's events of one topic after `afterId`: an event stream's replay. */
export function siteEventsAfter(db: Db, filter: EventFilter, afterId: number, limit: number) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.siteId, filter.siteId), eq(events.topic, filter.topic), gt(events.id, afterId)))
    .orderBy(asc(events.id))
    .limit(limit);
}
