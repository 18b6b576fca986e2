import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema.ts";
import { serializeClient } from "./serialized-client.ts";
import { routeReads, type ReadScope } from "./owner-reads.ts";
import { createReadWorker } from "./read-worker.ts";
import { cacheStatements } from "./statement-cache.ts";

export type Db = LibSQLDatabase<typeof schema>;
export type Database = {
  db: Db;
  client: Client;
  close(): void;
  /** Runs an owner's read-only work with its reads on a reader thread (local files; a no-op otherwise). */
  readScope?: ReadScope;
};

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Opens a libsql database (a local `file:` path or a remote libsql/Turso URL). Creates the folder of a local file. */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0]!;
    if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // The busy timeout lets two processes share one file; within this process, serializeClient queues callers.
  const local = url.startsWith("file:");
  if (local) cacheStatements();
  const raw = createClient({ url, authToken, timeout: 5000 });
  const serialized = local ? serializeClient(raw) : raw;
  // A local file gets a second, read-only connection on a worker thread for owner reads; a remote
  // database answers over the network, so its reads never block this thread anyway.
  const file = local ? url.slice("file:".length).split("?")[0] : "";
  const routed = file && file !== ":memory:" ? routeReads(serialized, createReadWorker(url)) : undefined;
  const client = routed?.client ?? serialized;
  if (local) {
    await client.execute("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crashed or killed process loses
    // nothing; only a power cut or OS crash can lose the last moments' commits (SQLite's advice for WAL).
    await client.execute("PRAGMA synchronous = NORMAL");
  }
  return { db: drizzle(client, { schema }), client, close: () => client.close(), readScope: routed?.scope };
}

/** Applies the committed migrations in server/drizzle. */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
