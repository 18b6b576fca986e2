import type { InStatement, ResultSet, Row } from "@libsql/client";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** A second, read-only connection to a local database file, run on a worker thread of its own. */
export type ReadWorker = { execute(stmt: InStatement): Promise<ResultSet>; warm(): void; close(): void };

type Answer = { id: number; columns?: string[]; columnTypes?: string[]; rows?: unknown[][]; error?: { message: string; code?: string } };

// Plain JavaScript run by the worker (an `eval` worker needs no file of its own, so the same code works
// under tsx, vitest and the compiled bundle). WAL lets this connection read while the main one writes;
// `query_only` makes a write sent here by mistake fail instead of racing the main connection.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { createClient } = require(workerData.clientModule);
const client = createClient({ url: workerData.url, timeout: 5000 });
const ready = client.execute("PRAGMA query_only = ON");
parentPort.on("message", async ({ id, stmt }) => {
  try {
    await ready;
    const rs = await client.execute(stmt);
    parentPort.postMessage({ id, columns: rs.columns, columnTypes: rs.columnTypes, rows: rs.rows.map((row) => Array.from(row)) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message || err), code: err && err.code } });
  }
});
`;

/**
 * Starts the worker on first use. Statements are answered in the order sent; while one runs on the
 * worker, the main thread (and its own connection) stays free for everything else.
 */
export function createReadWorker(url: string): ReadWorker {
  const clientModule = createRequire(import.meta.url).resolve("@libsql/client");
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(rs: ResultSet): void; reject(err: Error): void }>();

  function failAll(err: Error) {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
  }

  function start(): Worker {
    const w = new Worker(workerSource, { eval: true, workerData: { url, clientModule } });
    w.unref(); // an idle reader never keeps the process alive
    w.on("message", (answer: Answer) => {
      const p = pending.get(answer.id);
      if (!p) return;
      pending.delete(answer.id);
      if (answer.error) p.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else p.resolve(resultSet(answer.columns ?? [], answer.columnTypes ?? [], answer.rows ?? []));
    });
    w.on("error", (err) => failAll(err));
    w.on("exit", (code) => {
      if (worker === w) failAll(new Error(`database reader stopped (exit ${code})`));
    });
    return w;
  }

  return {
    /** Starts the thread now, so the first owner page does not wait for it. */
    warm() {
      worker ??= start();
    },
    execute(stmt) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise<ResultSet>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // A pending answer keeps the process alive, as a query on the main connection would.
        if (pending.size === 1) w.ref();
        w.postMessage({ id, stmt: typeof stmt === "string" ? stmt : { sql: stmt.sql, args: stmt.args } });
      }).finally(() => {
        if (pending.size === 0 && worker === w) w.unref();
      });
    },
    close() {
      const w = worker;
      worker = undefined;
      failAll(new Error("database reader closed"));
      void w?.terminate();
    },
  };
}

/** The driver's own row shape: an array-like whose columns are also named, enumerable properties. */
function resultSet(columns: string[], columnTypes: string[], raw: unknown[][]): ResultSet {
  const rows = raw.map((values) => {
    const row = {} as Record<string | number, unknown>;
    Object.defineProperty(row, "length", { value: values.length });
    values.forEach((value, i) => {
      Object.defineProperty(row, i, { value });
      const column = columns[i]!;
      if (!Object.hasOwn(row, column)) Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
    });
    return row as unknown as Row;
  });
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected: 0,
    lastInsertRowid: undefined,
    toJSON: () => ({ columns, columnTypes, rows: raw, rowsAffected: 0, lastInsertRowid: null }),
  };
}
