// `beckon reset-password [EMAIL [PASSWORD]]` (also `npm run reset-password -w server -- …`): sets an
// account's password from the command line, for installations without SMTP (no reset email), and signs
// that account out everywhere. Without arguments it asks for both; with only EMAIL it reads the password
// from the terminal (asked twice, not echoed) or from the first line of stdin, so scripts never put it
// on a command line.
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { systemClock } from "../clock.ts";
import { DomainError } from "../domain-errors.ts";
import { setPassword } from "../accounts/password-reset.ts";
import { cliConfig, withDatabase } from "./context.ts";
import { readNewPassword } from "./password-input.ts";

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

/** Asks for what the arguments left out; undefined when the two typed passwords differ. */
async function credentials(args: string[]): Promise<{ email: string; password: string } | undefined> {
  const [email, password] = args;
  if (email && password) return { email, password };
  if (email) return { email, password: await readNewPassword() };
  const prompt = prompter();
  try {
    const asked = await prompt.ask("Email of the account: ");
    const first = await prompt.ask("New password (10 characters or more): ", true);
    if ((await prompt.ask("Same again: ", true)) !== first) return undefined;
    return { email: asked, password: first };
  } finally {
    prompt.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const config = cliConfig();
  const given = await credentials(args);
  if (!given) {
    console.error("The two passwords differ. Nothing changed.");
    return 1;
  }
  return withDatabase(config, async ({ db }) => {
    try {
      const user = await setPassword(db, systemClock, given.email, given.password);
      console.info(`Password changed for ${user.email}. Sign in at ${config.publicUrl}/admin (other sessions were signed out).`);
      return 0;
    } catch (err) {
      if (err instanceof DomainError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    }
  });
}
