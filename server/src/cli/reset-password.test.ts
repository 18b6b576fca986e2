import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createOwner, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const cli = fileURLToPath(new URL("./index.ts", import.meta.url));
const serverDir = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `npm run reset-password -w server` as a person would (tsx), with `args` and `input` on stdin. */
function run(dbFile: string, args: string[], input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile("npx", ["tsx", cli, "reset-password", ...args], { cwd: serverDir, env: { ...process.env, DATABASE_URL: `file:${dbFile}` } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe("npm run reset-password -w server", () => {
  it("sets a password from arguments or from prompts, and signs the account out elsewhere", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const before = await signIn(h, "owner@shop.example");
    const byArgs = await run(h.dbFile, ["OWNER@shop.example", "a fresh long password"]);
    expect(byArgs.stdout).toContain("Password changed for owner@shop.example");
    expect(byArgs.code).toBe(0);
    await signIn(h, "owner@shop.example", "a fresh long password");
    const old = await h.app.request("/api/admin/session", { headers: { Cookie: before.cookie } });
    expect(old.status).toBe(401);

    const asked = await run(h.dbFile, [], "owner@shop.example\nan asked-for password\nan asked-for password\n");
    expect(asked.code).toBe(0);
    expect(asked.stdout).not.toContain("an asked-for password");
    await signIn(h, "owner@shop.example", "an asked-for password");

    const unknown = await run(h.dbFile, ["nobody@shop.example", "a fresh long password"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no account for nobody@shop.example");
  }, 60_000);
});
