import { createClient } from "@libsql/client";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** A backup that cannot be made as asked; the message says what to do instead. */
export class BackupError extends Error {}

/**
 * Copies a live local database to `target` with `VACUUM INTO`: one read transaction, so the copy is
 * consistent while the server keeps writing (WAL lets writers carry on meanwhile). Refuses a remote
 * database and an existing target. Returns the target's absolute path.
 */
export async function backupDatabase(databaseUrl: string, target: string): Promise<string> {
  if (!databaseUrl.startsWith("file:")) {
    const host = URL.canParse(databaseUrl) ? new URL(databaseUrl).host : "a remote server";
    throw new BackupError(
      `DATABASE_URL points at ${host}, not a local file. This command copies a local file: database; back up a remote libsql/Turso database with its provider's tools.`,
    );
  }
  const source = databaseUrl.slice("file:".length).split("?")[0]!;
  // Opening a missing file would create an empty database and "back up" nothing.
  if (!existsSync(source)) throw new BackupError(`There is no database at ${path.resolve(source)}. Check DATABASE_URL (run this where the server runs).`);
  const file = path.resolve(target);
  if (existsSync(file)) throw new BackupError(`${file} already exists. Choose a new file name; a backup never overwrites one.`);
  mkdirSync(path.dirname(file), { recursive: true });
  const client = createClient({ url: databaseUrl, timeout: 5000 });
  try {
    await client.execute({ sql: "VACUUM INTO ?", args: [file] });
  } finally {
    client.close();
  }
  return file;
}
