import type { Client, Transaction } from "@libsql/client";

/** How long queued callers may run back to back before the event loop gets a turn. */
const SLICE_MS = 10;

/**
 * Serializes all use of a local libsql file within this process.
 *
 * The local driver is synchronous: while one transaction is open and awaiting JavaScript, a second
 * writer's BEGIN blocks the whole event loop on SQLite's busy timeout, so the first can never commit.
 * Queuing callers here (a transaction holds the queue until commit or rollback) avoids that stall.
 * Other processes on the same file are still handled by SQLite's own locking and busy timeout.
 * Code inside a transaction must use the transaction, never the outer client, or it waits forever.
 */
export function serializeClient(client: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  let holders = 0;
  // The driver blocks the event loop while a statement runs. Handing the file from one waiting caller to
  // the next through promises alone never leaves the microtask queue, so a burst of queries would starve
  // everything else, even widget.js, which needs no database. So when the file is contended, callers are
  // handed it in slices: after SLICE_MS of them, the next one starts on a later turn of the event loop,
  // after pending I/O. (One turn per caller was too slow: a turn can hold a group commit of ~15 ms, and
  // forty shoppers' small reads queued behind one another then took forty turns, over a second.)
  let sliceStart = performance.now();
  const nextTurn = (): Promise<void> | void => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceStart = performance.now();
        resolve();
      }),
    );
  };
  function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const contended = holders++ > 0;
    const ready = (contended ? tail.then(nextTurn) : tail).then(() => release);
    tail = tail.then(() => held).then(() => void holders--);
    return ready;
  }

  async function locked<T>(run: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }

  function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
    let released = false;
    const once = () => {
      if (!released) (released = true), release();
    };
    return new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "commit" || prop === "rollback") {
          return async () => {
            try {
              await (value as () => Promise<void>).call(target);
            } finally {
              once();
            }
          };
        }
        if (prop === "close") return () => ((value as () => void).call(target), once());
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  const queued = new Set<PropertyKey>(["execute", "batch", "migrate", "executeMultiple"]);
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (queued.has(prop)) return (...args: unknown[]) => locked(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      if (prop === "transaction") {
        return async (...args: unknown[]) => {
          const release = await acquire();
          try {
            return releasingOnEnd(await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args), release);
          } catch (err) {
            release();
            throw err;
          }
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
