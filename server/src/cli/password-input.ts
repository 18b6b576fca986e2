import { createInterface } from "node:readline";

/**
 * A new password: asked twice on a terminal (not echoed), or the first line of stdin when piped
 * (`printf '%s\n' "$PASS" | beckon reset-password …`), so scripts never put it on a command line.
 */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error("no password on stdin");
  }
  const first = await askHidden("New password: ");
  const again = await askHidden("Again: ");
  if (first !== again) throw new Error("the two passwords differ");
  return first;
}

function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput(s: string): void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) process.stdout.write(s); // the question itself; typed characters stay hidden
    asked = true;
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      process.stdout.write("\n");
      rl.close();
      resolve(answer);
    }),
  );
}
