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

/** The one way a change is written: rows and events in a transaction, then wakes. */
export function createPipeline(deps: { clock: Clock; log: Pick<Console, "error">; wakers?: Waker[]; recorders?: Recorder[]; alerts?: AlertRouting }): Pipeline {
  const wakers = new Set<Waker>(deps.wakers ?? []);
  return {
    async commit(db, work) {
      const recorded: NewEvent[] = [];
      const seen = new Set<string>();
      const result = await db.transaction(async (tx) => {
        const now = deps.clock.now();
        const fx: Effects = {
          async emit(event) {
            const key = JSON.stringify([event.siteId, event.topic, event.type, event.data]);
            if (seen.has(key)) return;
            seen.add(key);
            await appendEvent(tx, event, now);
            recorded.push(event);
          },
          request: (type, siteId, requestId) => fx.emit({ siteId, topic: INBOX_TOPIC, type, data: { requestId } }),
          alerts: deps.alerts ?? DEFAULT_ALERT_ROUTING,
        };
        const out = await work(tx, fx);
        if (recorded.length) for (const record of deps.recorders ?? []) await record(tx, recorded, now);
        return out;
      });
      const committed = { events: recorded };
      for (const wake of wakers) {
        try {
          wake(committed);
        } catch (err) {
          deps.log.error("a waker failed after commit", err);
        }
      }
      return result;
    },
    addWaker(waker) {
      wakers.add(waker);
      return () => void wakers.delete(waker);
    },
  };
}

/** What a service that changes something needs: the database, the clock and the pipeline to write through. */
export type ChangeDeps = { db: Db; clock: Clock; pipeline: Pipeline };
