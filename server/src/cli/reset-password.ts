// Sets an owner's password from the command line, for installations without SMTP (no reset email):
//   npm run reset-password -w server                      (asks for the email and the new password)
//   npm run reset-password -w server -- EMAIL PASSWORD    (non-interactive)
// Uses the same DATABASE_URL as the server; every session of that account is signed out.
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { systemClock } from "../clock.ts";
import { migrateDatabase, openDatabase } from "../db/client.ts";
import { ConfigError, loadConfig } from "../env.ts";
import { ApiError } from "../http/errors.ts";
import { setPassword } from "../services/password-reset.ts";
import { fileURLToPath } from "node:url";

// As in server.ts, without loading the whole server (Twilio and all) for one UPDATE.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** A prompt on the terminal; `hidden` questions are not echoed. One reader, so piped answers are not lost. */
function prompter() {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true });
  // The line iterator buffers, so answers piped in all at once are each kept for their question.
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question: string, hidden = false): Promise<string> {
      process.stdout.write(question);
      muted = hidden;
      const next = await lines.next();
      muted = false;
      if (hidden) process.stdout.write("\n");
      return next.done ? "" : String(next.value).trim();
    },
    close: () => rl.close(),
  };
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, repoRoot);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const [emailArg, passwordArg] = process.argv.slice(2);
  let email = emailArg;
  let password = passwordArg;
  if (!email || !password) {
    const prompt = prompter();
    try {
      email ??= await prompt.ask("Email of the account: ");
      password = await prompt.ask("New password (10 characters or more): ", true);
      if ((await prompt.ask("Same again: ", true)) !== password) {
        console.error("The two passwords differ. Nothing changed.");
        return 1;
      }
    } finally {
      prompt.close();
    }
  }
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    await migrateDatabase(database.db);
    const user = await setPassword(database.db, systemClock, email, password);
    console.info(`Password changed for ${user.email}. Sign in at ${config.publicUrl}/admin (other sessions were signed out).`);
    return 0;
  } catch (err) {
    if (err instanceof ApiError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    database.close();
  }
}

process.exitCode = await main();
