import { createRequire } from "node:module";

type Prepare = (this: object, sql: string) => unknown;
type Statement = { raw(on?: boolean): Statement; safeIntegers(on?: boolean): Statement; columns(): unknown[] };
type DatabaseClass = { prototype: { prepare: Prepare; exec: Prepare; [cached]?: true } };
const cached = Symbol.for("beckon.statementCache");

/**
 * Keeps the last `size` prepared statements of each local libsql connection, by SQL text.
 *
 * `@libsql/client` prepares every statement anew (11% of a call-back's CPU in a profile: ~18 statements,
 * the same texts every time, since drizzle binds values as parameters). Its local driver, `libsql`, runs
 * statements synchronously to completion (all rows read, or run), so a statement is never in use when it
 * is handed out again. A schema change (CREATE/ALTER/DROP, or a script run with `exec`, as migrations are)
 * empties the connection's cache: the driver keeps a statement's columns from when it was prepared. The
 * client keeps its connection private, so the cache sits on the driver's `prepare` (once per process).
 */
export function cacheStatements(size = 200): void {
  const clientEntry = createRequire(import.meta.url).resolve("@libsql/client");
  const Database = createRequire(clientEntry)("libsql") as DatabaseClass;
  const proto = Database.prototype;
  if (proto[cached]) return;
  const prepare = proto.prepare;
  const perConnection = new WeakMap<object, Map<string, unknown>>();
  const ddl = /^\s*(create|alter|drop)\b/i;
  const exec = proto.exec;
  proto.exec = function (sql: string) {
    perConnection.delete(this);
    return exec.call(this, sql);
  };
  proto.prepare = function (sql: string) {
    if (ddl.test(sql)) {
      perConnection.delete(this);
      return prepare.call(this, sql);
    }
    let statements = perConnection.get(this);
    if (!statements) perConnection.set(this, (statements = new Map()));
    const hit = statements.get(sql);
    if (hit) {
      statements.delete(sql); // most recently used last
      statements.set(sql, hit);
      return hit;
    }
    const stmt = remembering(prepare.call(this, sql) as Statement);
    statements.set(sql, stmt);
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return stmt;
  };
  proto[cached] = true;
}

/**
 * `@libsql/client` asks every statement, on every run, for raw mode, 64-bit integers and its columns:
 * three calls into the driver, and for a statement that returns no rows `raw()` throws, so an insert
 * paid for building an exception every time (a tenth of a call-back's CPU with `columns`). A cached
 * statement keeps those answers: its columns are fixed while it is cached (see above), and nothing else
 * switches its modes.
 */
function remembering(stmt: Statement): Statement {
  const raw = stmt.raw.bind(stmt);
  const safeIntegers = stmt.safeIntegers.bind(stmt);
  const columns = stmt.columns.bind(stmt);
  const rawAnswers = new Map<boolean, { error: unknown } | { ok: true }>();
  let integers: boolean | undefined;
  let cols: unknown[] | undefined;
  stmt.raw = (on = true) => {
    const known = rawAnswers.get(on);
    if (known && "error" in known) throw known.error;
    if (!known) {
      try {
        raw(on);
      } catch (error) {
        rawAnswers.set(on, { error });
        throw error;
      }
      rawAnswers.clear(); // the other mode is no longer the one set
      rawAnswers.set(on, { ok: true });
    }
    return stmt;
  };
  stmt.safeIntegers = (on = true) => {
    if (integers !== on) safeIntegers(on), (integers = on);
    return stmt;
  };
  stmt.columns = () => (cols ??= columns());
  return stmt;
}
