import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { appendEvent, type NewEvent } from "../events/event-log.ts";
import { INBOX_TOPIC, type InboxEventType } from "../events/inbox-events.ts";
import { DEFAULT_ALERT_ROUTING, type AlertRouting } from "../channels/push/alert-routing.ts";

/** A transaction of the app's database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What a change records besides its rows: its domain events, appended in the same transaction. */
export type Effects = {
  /** Appends an event to the log in this transaction; the same event twice in one commit is kept once. */
  emit(event: NewEvent): Promise<void>;
  /** `request.created` / `request.updated` for the site's open inboxes (and anything else that listens). */
  request(type: InboxEventType, siteId: number, requestId: string): Promise<void>;
  /** How owner alerts queued by this change are routed (push fallback delay), from the configuration. */
  alerts: AlertRouting;
};

/** What a waker hears after a commit: the events that commit recorded (possibly none). */
export type Committed = { events: readonly NewEvent[] };
/** Runs once after each commit, e.g. "look at the outbox now". Must not throw or block. */
export type Waker = (committed: Committed) => void;

export type Pipeline = {
  /**
   * Runs `work` in one transaction; its events commit with it, or not at all. After the commit every
   * registered waker runs exactly once (the outbox, the event tail, …); after a rollback none does.
   */
  commit<T>(db: Db, work: (tx: Tx, fx: Effects) => Promise<T>): Promise<T>;
  /** Registers one more waker (e.g. a webhook dispatcher); returns a function that removes it. */
  addWaker(waker: Waker): () => void;
};

/**
 * Runs inside the transaction, after the change's own work, with every event it recorded: what must
 * commit with the change (the outgoing webhooks it queues). Sees the rows as the change left them.
 */
export type Recorder = (tx: Tx, events: readonly NewEvent[], now: Date) => Promise<void>;

/**
 * At most this many changes share one commit; the rest wait for the next one. A group holds the event
 * loop while it runs (the local driver is synchronous): 16 call-backs are ~15 ms, and the commit's saving
 * has flattened out well before that size.
 */
const MAX_GROUP = 16;

type Job = { work: (tx: Tx, fx: Effects) => Promise<unknown>; resolve(value: unknown): void; reject(err: unknown): void };
type Group = { waiting: Job[]; running: boolean; scheduled: boolean };

/**
 * The one way a change is written: rows and events in a transaction, then wakes.
 *
 * Group commit: changes that arrive while a commit is under way are written together in the next one,
 * each in a savepoint of its own (a change that fails rolls back alone and rejects alone). Nobody is
 * answered before the commit that holds their change, so "stored before acknowledged" still holds; the
 * commit's cost (the WAL write of every page touched, the locks) is paid once per group instead of once
 * per change. A lone change waits one turn of the event loop at most.
 */
export function createPipeline(deps: { clock: Clock; log: Pick<Console, "error">; wakers?: Waker[]; recorders?: Recorder[]; alerts?: AlertRouting }): Pipeline {
  const wakers = new Set<Waker>(deps.wakers ?? []);
  const groups = new WeakMap<Db, Group>();

  async function runOne(tx: Tx, job: Job, recorded: NewEvent[]) {
    const mine: NewEvent[] = [];
    const seen = new Set<string>();
    const now = deps.clock.now();
    const fx: Effects = {
      async emit(event) {
        const key = JSON.stringify([event.siteId, event.topic, event.type, event.data]);
        if (seen.has(key)) return;
        seen.add(key);
        await appendEvent(tx, event, now);
        mine.push(event);
      },
      request: (type, siteId, requestId) => fx.emit({ siteId, topic: INBOX_TOPIC, type, data: { requestId } }),
      alerts: deps.alerts ?? DEFAULT_ALERT_ROUTING,
    };
    const out = await job.work(tx, fx);
    if (mine.length) for (const record of deps.recorders ?? []) await record(tx, mine, now);
    recorded.push(...mine);
    return out;
  }

  async function runGroup(db: Db, jobs: Job[]) {
    const recorded: NewEvent[] = [];
    const settled: Array<{ ok: true; value: unknown } | { ok: false; err: unknown }> = [];
    try {
      await db.transaction(async (outer) => {
        if (jobs.length === 1) {
          settled.push({ ok: true, value: await runOne(outer, jobs[0]!, recorded) });
          return;
        }
        for (const job of jobs) {
          const before = recorded.length;
          try {
            settled.push({ ok: true, value: await outer.transaction((tx) => runOne(tx, job, recorded)) });
          } catch (err) {
            recorded.length = before; // its savepoint rolled back, events and all
            settled.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    settled.forEach((s, i) => (s.ok ? jobs[i]!.resolve(s.value) : jobs[i]!.reject(s.err)));
    if (!settled.some((s) => s.ok)) return; // nothing of theirs committed: no wakes, as after a rollback
    const committed = { events: recorded };
    for (const wake of wakers) {
      try {
        wake(committed);
      } catch (err) {
        deps.log.error("a waker failed after commit", err);
      }
    }
  }

  // A group starts on the next turn of the event loop, after pending I/O: the local driver runs a whole
  // transaction without yielding, so the requests that arrived meanwhile are only read then, and join.
  function drain(db: Db, group: Group) {
    if (group.running || group.scheduled || !group.waiting.length) return;
    group.scheduled = true;
    setImmediate(() => {
      group.scheduled = false;
      group.running = true;
      const jobs = group.waiting.splice(0, MAX_GROUP);
      void runGroup(db, jobs).finally(() => {
        group.running = false;
        drain(db, group);
      });
    });
  }

  return {
    commit<T>(db: Db, work: (tx: Tx, fx: Effects) => Promise<T>): Promise<T> {
      let group = groups.get(db);
      if (!group) groups.set(db, (group = { waiting: [], running: false, scheduled: false }));
      const done = new Promise<T>((resolve, reject) => group.waiting.push({ work, resolve: resolve as (v: unknown) => void, reject }));
      drain(db, group);
      return done;
    },
    addWaker(waker) {
      wakers.add(waker);
      return () => void wakers.delete(waker);
    },
  };
}

/** What a service that changes something needs: the database, the clock and the pipeline to write through. */
export type ChangeDeps = { db: Db; clock: Clock; pipeline: Pipeline };
