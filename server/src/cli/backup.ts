import { existsSync } from "node:fs";
import path from "node:path";
import { cliConfig, withDatabase } from "./context.ts";

/** `beckon backup FILE`: a consistent copy of a local database (VACUUM INTO), safe while the server runs. */
export async function run(args: string[]): Promise<number> {
  const target = args[0];
  if (!target) {
    console.error("Usage: beckon backup FILE");
    return 2;
  }
  const file = path.resolve(target);
  if (existsSync(file)) {
    console.error(`${file} already exists: choose a new file name (backups never overwrite).`);
    return 1;
  }
  const config = cliConfig();
  if (!config.databaseUrl.startsWith("file:")) {
    console.error("DATABASE_URL is a remote database: back it up with its provider's tools (e.g. `turso db shell … .dump`).");
    return 1;
  }
  await withDatabase(config, ({ client }) => client.execute({ sql: "VACUUM INTO ?", args: [file] }));
  console.info(`Backed up to ${file}`);
  return 0;
}
