import { getTableColumns, sql, type SQL, type Table } from "drizzle-orm";
import type { Db } from "./client.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Where a prepared query runs: the database, or a transaction of it. */
export type Runner = Db | Tx;
type Session = { client: unknown; tx: unknown };

/**
 * A query whose SQL drizzle builds once, with `sql.placeholder`s for its values, and that runs on any
 * database or transaction after that. Building the SQL anew on every call was the largest share of a
 * call-back's CPU in drizzle (~18%); the hot path's fixed statements are built here once per process.
 *
 * drizzle's own `.prepare()` binds a query to the session it was built on; a transaction has a session
 * of its own, so the built query (SQL text, parameter list, result mapping) is copied onto the runner's
 * session: its client, and its libsql transaction when there is one.
 */
export function prepared<P extends object>(build: (on: Runner) => P): (on: Runner) => P {
  let built: P | undefined;
  return (on) => {
    if (!built) return (built = build(on));
    return onRunner(built, on);
  };
}

/** Like `prepared`, for a query whose shape depends on a small key (e.g. how many rate budgets it checks): one per key. */
export function preparedBy<K, P extends object>(build: (on: Runner, key: K) => P): (on: Runner, key: K) => P {
  const built = new Map<K, P>();
  return (on, key) => {
    const hit = built.get(key);
    if (hit) return onRunner(hit, on);
    const p = build(on, key);
    built.set(key, p);
    return p;
  };
}

function onRunner<P extends object>(built: P, on: Runner): P {
  const session = (on as unknown as { session: Session }).session;
  const own = built as unknown as Session;
  if (own.client === session.client && own.tx === session.tx) return built;
  return Object.assign(Object.create(Object.getPrototypeOf(built)) as P, built, { client: session.client, tx: session.tx });
}

/**
 * Raw placeholders for the named columns of a prepared insert or update, to fill with `encoded`: drizzle
 * encodes a placeholder's value with its column's mapping but does not let a null through as null.
 */
export function placeholders<K extends string>(keys: readonly K[]): Record<K, SQL> {
  return Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(k)}`])) as Record<K, SQL>;
}

/** The values of `placeholders`, each as its column stores it (JSON text, ms since the epoch, …), nulls as null. */
export function encoded(table: Table, values: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === null || v === undefined ? null : columns[k]!.mapToDriverValue(v);
  return out;
}

/**
 * A prepared insert of rows that all give `columns` (a missing value is stored as null, not the column's
 * default), built once per row count. `conflict` adds e.g. `.onConflictDoNothing()`.
 */
export function preparedInsert<T extends Table>(table: T, columns: readonly string[], conflict?: (q: InsertOf<T>) => InsertOf<T>) {
  const build = preparedBy((on, n: number) => {
    const rows = Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c, sql`${sql.placeholder(`${c}${i}`)}`])));
    const q = (on as Db).insert(table as never).values(rows as never) as unknown as InsertOf<T>;
    return ((conflict ? conflict(q) : q) as unknown as { prepare(): { run(v: Record<string, unknown>): Promise<unknown> } }).prepare();
  });
  return async (on: Runner, rows: readonly Record<string, unknown>[]): Promise<void> => {
    const values: Record<string, unknown> = {};
    rows.forEach((row, i) => {
      const e = encoded(table, Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
      for (const c of columns) values[`${c}${i}`] = e[c];
    });
    await build(on, rows.length).run(values);
  };
}
type InsertOf<T extends Table> = { onConflictDoNothing(): unknown } & ReturnType<ReturnType<Db["insert"]>["values"]> & { _table?: T };
