import { loadConfig, type Config } from "../env.ts";
import { migrateDatabase, openDatabase, type Database } from "../db/client.ts";
import { repoRoot } from "../server.ts";

/** The server's configuration, from this process's environment (throws ConfigError listing every bad variable). */
export function cliConfig(): Config {
  return loadConfig(process.env, repoRoot);
}

/** Opens the configured database, migrated to the current schema, for the duration of `work`. */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    await migrateDatabase(database.db);
    return await work(database);
  } finally {
    database.close();
  }
}
