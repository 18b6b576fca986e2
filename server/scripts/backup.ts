// npm run backup -w server -- FILE: a consistent copy of the configured database, safe while it runs.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { statSync } from "node:fs";
import { BackupError, backupDatabase } from "../src/db/backup.ts";
import { ConfigError, loadConfig } from "../src/env.ts";

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run backup -w server -- FILE   (e.g. backups/beckon-2026-11-30.db)");
  process.exit(2);
}
try {
  const config = loadConfig(process.env, fileURLToPath(new URL("../../", import.meta.url)));
  // npm runs workspace scripts inside server/: resolve FILE from where the command was typed.
  const file = await backupDatabase(config.databaseUrl, path.resolve(process.env.INIT_CWD ?? process.cwd(), target));
  console.info(`Backed up to ${file} (${Math.round(statSync(file).size / 1024)} KiB).`);
} catch (err) {
  if (err instanceof BackupError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
