import path from "node:path";
import { statSync } from "node:fs";
import { BackupError, backupDatabase } from "../db/backup.ts";
import { cliConfig } from "./context.ts";

/**
 * `beckon backup FILE` (also `npm run backup -w server -- FILE`): a consistent copy of a live local
 * database with VACUUM INTO; refuses remote databases and existing files.
 */
export async function run(args: string[]): Promise<number> {
  const target = args[0];
  if (!target) {
    console.error("Usage: beckon backup FILE   (e.g. backups/beckon-2026-11-30.db)");
    return 2;
  }
  const config = cliConfig();
  try {
    // npm runs workspace scripts inside server/: resolve FILE from where the command was typed.
    const file = await backupDatabase(config.databaseUrl, path.resolve(process.env.INIT_CWD ?? process.cwd(), target));
    console.info(`Backed up to ${file} (${Math.round(statSync(file).size / 1024)} KiB).`);
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
