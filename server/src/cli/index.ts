// `beckon <command>`: the admin command line (server/bin/beckon.js runs the compiled copy).
// One file per command; each reads the same environment as the server (env.ts) and exits non-zero on failure.
import { ConfigError } from "../env.ts";

type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  "create-owner": { summary: "create-owner --email … --name … --site … --phone … [--timezone …] [--country …]   first owner account and their site (password asked, or read from stdin)", load: () => import("./create-owner.ts") },
  "reset-password": { summary: "reset-password EMAIL   set a new password (asked, or read from stdin) and sign out everywhere", load: () => import("./reset-password.ts") },
  backup: { summary: "backup FILE   a consistent copy of the database, safe while Beckon runs", load: () => import("./backup.ts") },
  migrate: { summary: "migrate   apply database migrations (the server also does this when it starts)", load: () => import("./migrate.ts") },
  doctor: { summary: "doctor   check PUBLIC_URL, Twilio, SMTP, the database and free disk; exit 1 if something is wrong", load: () => import("./doctor.ts") },
};

function usage(): string {
  return `Usage: beckon <command>\n\n${Object.values(commands).map((c) => `  ${c.summary}`).join("\n")}\n\nIt reads the same environment variables as the server (DATABASE_URL, TWILIO_*, SMTP_URL, PUBLIC_URL…).`;
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name && name !== "help" && name !== "--help" ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(name === "help" || name === "--help" ? 0 : 2);
}
try {
  process.exitCode = await (await command.load()).run(args);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `beckon ${name}: ${(err as Error).message}`);
  process.exitCode = 1;
}
