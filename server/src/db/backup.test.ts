import { createClient } from "@libsql/client";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { requests } from "./schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { BackupError, backupDatabase } from "./backup.ts";

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL("../../", import.meta.url));
let h: Harness;
let dir: string;
afterEach(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup", () => {
  it("copies a live database while it is being written to, and the copy opens whole", async () => {
    h = await createHarness({ rateLimits: { ipPer10Min: 100_000, sitePerHour: 100_000 } });
    dir = mkdtempSync(path.join(tmpdir(), "beckon-backup-"));
    let written = 0;
    const write = async () => {
      const res = await post(h, "/api/v1/sites/shop/callbacks", { name: `Caller ${written}`, phone: `+1415555${String(1000 + written).slice(-4)}` });
      expect(res.status).toBe(201);
      written++;
    };
    for (let i = 0; i < 20; i++) await write();

    // The backup runs in its own process, as an operator would run it, while this one keeps writing.
    let done = false;
    const backup = run(path.join(serverDir, "../node_modules/.bin/tsx"), ["src/cli/index.ts", "backup", "copy.db"], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: `file:${h.dbFile}`, INIT_CWD: dir },
    }).finally(() => (done = true));
    const before = written;
    // The local driver answers synchronously: pause between writes so the child's exit is heard
    // (and so this loop does not starve the child of the machine's CPU).
    while (!done) {
      await write();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { stdout } = await backup;
    expect(stdout).toMatch(/^Backed up to .*copy\.db \(\d+ KiB\)\./);
    expect(written).toBeGreaterThan(before); // writes really went on meanwhile

    const copy = createClient({ url: `file:${path.join(dir, "copy.db")}` });
    try {
      expect((await copy.execute("PRAGMA integrity_check")).rows[0]![0]).toBe("ok");
      const n = Number((await copy.execute("SELECT count(*) FROM requests")).rows[0]![0]);
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(written);
      expect((await copy.execute("SELECT count(*) FROM customers")).rows[0]![0]).toBe(n); // each caller once: consistent
    } finally {
      copy.close();
    }
    expect((await h.db.select().from(requests)).length).toBe(written);
  }, 60_000); // starts a tsx process

  it("refuses to overwrite a file or to copy a remote database", async () => {
    h = await createHarness();
    dir = mkdtempSync(path.join(tmpdir(), "beckon-backup-"));
    const target = path.join(dir, "once.db");
    await backupDatabase(`file:${h.dbFile}`, target);
    await expect(backupDatabase(`file:${h.dbFile}`, target)).rejects.toThrow(/already exists.*never overwrites/);
    await expect(backupDatabase(`file:${path.join(dir, "missing.db")}`, path.join(dir, "other.db"))).rejects.toThrow(/There is no database at/);
    await expect(backupDatabase("libsql://shop-db.turso.io", path.join(dir, "remote.db"))).rejects.toThrow(BackupError);
    await expect(backupDatabase("libsql://shop-db.turso.io", path.join(dir, "remote.db"))).rejects.toThrow(/shop-db\.turso\.io, not a local file/);
  });
});
