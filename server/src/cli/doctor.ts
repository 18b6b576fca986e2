import { cliConfig } from "./context.ts";
import { runChecks } from "./doctor-checks.ts";

const mark = { ok: "ok  ", warn: "note", fail: "FAIL" } as const;

/** `beckon doctor`: checks what the server needs from the world; exits 1 when something is wrong. */
export async function run(): Promise<number> {
  const findings = await runChecks(cliConfig());
  for (const f of findings) console.info(`${mark[f.status]}  ${f.check}: ${f.say}`);
  const failed = findings.filter((f) => f.status === "fail").length;
  console.info(failed ? `\n${failed} thing${failed > 1 ? "s" : ""} to fix.` : "\nAll good.");
  return failed ? 1 : 0;
}
