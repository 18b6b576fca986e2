import type { Client, InArgs, InStatement } from "@libsql/client";
import { AsyncLocalStorage } from "node:async_hooks";
import type { ReadWorker } from "./read-worker.ts";

/** Runs `fn` so that its plain reads go to the reader connection (see `routeReads`). */
export type ReadScope = (<T>(fn: () => T) => T) & { warm(): void };

// A statement that only reads: SELECT, or WITH … SELECT without a write in it. Anything else stays on the
// main connection; the reader is `query_only`, so a misjudged statement fails loudly instead of racing.
const READ = /^\s*(select|with)\b/i;
const WRITE = /\b(insert|update|delete|replace)\b/i;
export const isRead = (sql: string) => READ.test(sql) && !WRITE.test(sql);

/**
 * Sends `client.execute` of a read to `reader` while inside `scope` (an owner's GET), so a heavy owner
 * query runs on the reader's thread and never stalls the public side (the local driver blocks the event
 * loop while a statement runs). Writes, batches and transactions, and everything outside the scope, use
 * the main connection as before. A read sees every commit made before it started (WAL).
 */
export function routeReads(client: Client, reader: ReadWorker): { client: Client; scope: ReadScope } {
  const store = new AsyncLocalStorage<true>();
  const routed = new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === "execute") {
        return (stmt: InStatement | string, args?: InArgs) => {
          const statement: InStatement = typeof stmt === "string" ? (args === undefined ? stmt : { sql: stmt, args }) : stmt;
          const sql = typeof statement === "string" ? statement : statement.sql;
          if (store.getStore() && isRead(sql)) return reader.execute(statement);
          return (value as (stmt: InStatement) => ReturnType<Client["execute"]>).call(target, statement);
        };
      }
      if (prop === "close") {
        return () => {
          reader.close();
          (value as Client["close"]).call(target);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { client: routed, scope: Object.assign(<T>(fn: () => T) => store.run(true, fn), { warm: () => reader.warm() }) };
}
