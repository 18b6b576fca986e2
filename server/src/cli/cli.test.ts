import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client.ts";
import { sites, users } from "../db/schema.ts";
import { verifyPassword } from "../accounts/passwords.ts";

const serverDir = path.resolve(import.meta.dirname, "../..");
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Runs `beckon <args>` from the sources, as a separate process, with `input` on stdin. */
function beckon(env: Record<string, string>, args: string[], input = "") {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, ...env },
    input,
    encoding: "utf8",
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe("the beckon command line", () => {
  it("migrates, creates the owner, resets a password, backs up, and explains its commands", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-cli-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: `file:${path.join(dir, "beckon.db")}`, PUBLIC_URL: "https://shop.example" };

    expect(beckon(env, ["migrate"])).toMatchObject({ code: 0, out: expect.stringContaining("up to date") });

    const owner = ["create-owner", "--email", "Ann@Shop.example", "--name", "Ann", "--site", "Ann's Shop", "--phone", "+14155550123", "--timezone", "Europe/Berlin", "--country", "DE"];
    expect(beckon(env, owner, "short\n")).toMatchObject({ code: 1, out: expect.stringContaining("password: Use at least 10 characters") });
    expect(beckon(env, owner, "first-password-1\n")).toMatchObject({ code: 0, out: expect.stringContaining("Owner ann@shop.example created") });

    expect(beckon(env, ["reset-password", "ann@shop.example"], "second-password-2\n")).toMatchObject({ code: 0 });

    const copy = path.join(dir, "backup.db");
    expect(beckon(env, ["backup", copy])).toMatchObject({ code: 0, out: expect.stringContaining(copy) });
    const backup = await openDatabase(`file:${copy}`);
    cleanup.push(() => backup.close());
    const [user] = await backup.db.select().from(users).where(eq(users.email, "ann@shop.example"));
    expect(await verifyPassword("second-password-2", user!.passwordHash)).toBe(true);
    expect((await backup.db.select().from(sites)).map((s) => s.name)).toContain("Ann's Shop");

    expect(beckon(env, ["frobnicate"])).toMatchObject({ code: 2, out: expect.stringContaining("Usage: beckon <command>") });
    expect(existsSync(path.join(dir, "beckon.db"))).toBe(true);
  });
});
