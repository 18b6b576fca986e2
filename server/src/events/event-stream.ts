import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { wakeableSleep } from "../wakeable-sleep.ts";
import type { EventFilter, EventLog, LoggedEvent } from "./event-log.ts";

/** How soon a client should reconnect after this process closed its stream to shut down. */
export const RECONNECT_MS = 1000;

export type StreamOptions = {
  log: EventLog;
  filter: EventFilter;
  /** What the client sees for an event; null skips it (its id still counts as delivered). */
  render: (event: LoggedEvent) => Promise<{ event: string; data: unknown } | null>;
  keepAliveMs: number;
  /** Runs when the stream opens and then every `everyMs` while it stays open (e.g. to mark presence). */
  heartbeat?: { everyMs: number; beat: () => Promise<void> };
};

/** The id a reconnecting EventSource sends (`Last-Event-ID`), or `?lastEventId=` for a fresh page; 0 means live only. */
export function lastEventIdOf(c: Context): number {
  const raw = c.req.header("Last-Event-ID") ?? c.req.query("lastEventId") ?? "";
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

/**
 * Server-Sent Events from the event log, resumable without gap or duplicate: it subscribes first,
 * then replays what the client missed from the table, then goes live, skipping anything at or below
 * the last id written. Starts with a `ready` event (no id) and sends a comment as a keep-alive.
 */
export function eventStream(c: Context, opts: StreamOptions) {
  return streamSSE(c, async (stream) => {
    const queue: LoggedEvent[] = [];
    const pause = wakeableSleep();
    const unsubscribe = opts.log.subscribe(opts.filter, (event) => {
      queue.push(event);
      pause.wake();
    });
    stream.onAbort(() => {
      unsubscribe();
      pause.wake();
    });
    // On shutdown the stream ends with a reconnect hint, so the client comes back to another process.
    let closing = false;
    const offStop = opts.log.onStop(() => {
      closing = true;
      pause.wake();
    });

    const beat = () => opts.heartbeat?.beat().catch(() => undefined);
    const beating = opts.heartbeat && setInterval(beat, opts.heartbeat.everyMs);
    await beat();

    let lastWritten = lastEventIdOf(c);
    const write = async (event: LoggedEvent) => {
      if (event.id === 0) {
        // Announced, not stored (e.g. "is typing"): no id, so it never moves a reconnect's position.
        const shown = await opts.render(event);
        if (shown) await stream.writeSSE({ event: shown.event, data: JSON.stringify(shown.data) });
        return;
      }
      if (event.id <= lastWritten) return;
      const shown = await opts.render(event);
      if (shown) await stream.writeSSE({ id: String(event.id), event: shown.event, data: JSON.stringify(shown.data) });
      lastWritten = event.id;
    };

    try {
      await stream.writeSSE({ event: "ready", data: "{}" });
      if (lastWritten > 0) {
        for (let missed = await opts.log.since(opts.filter, lastWritten); missed.length; missed = await opts.log.since(opts.filter, lastWritten)) {
          for (const event of missed) await write(event);
        }
      }
      while (!stream.aborted && !closing) {
        const event = queue.shift();
        if (event) {
          await write(event);
          continue;
        }
        await pause.sleep(opts.keepAliveMs);
        if (!queue.length && !stream.aborted && !closing) await stream.write(": keep-alive\n\n");
      }
      if (closing && !stream.aborted) await stream.write(`retry: ${RECONNECT_MS}\n\n`);
    } finally {
      clearInterval(beating);
      offStop();
      unsubscribe();
    }
  });
}
