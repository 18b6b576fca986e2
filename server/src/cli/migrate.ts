import { sql } from "drizzle-orm";
import { cliConfig, withDatabase } from "./context.ts";

/** `beckon migrate`: applies the committed migrations (forward only), as the server does at start. */
export async function run(): Promise<number> {
  const config = cliConfig();
  const applied = await withDatabase(config, async ({ db }) => {
    const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    return row?.n ?? 0;
  });
  console.info(`The database is up to date (${applied} migrations applied).`);
  return 0;
}
