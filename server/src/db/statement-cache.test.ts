import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cacheStatements } from "./statement-cache.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("statement cache", () => {
  it("prepares a statement once per connection, and still sees schema changes and fresh rows", async () => {
    cacheStatements(3);
    const Database = createRequire(createRequire(import.meta.url).resolve("@libsql/client"))("libsql") as { prototype: { prepare(sql: string): unknown } };
    dir = mkdtempSync(path.join(tmpdir(), "beckon-stmts-"));
    const file = path.join(dir, "s.db");
    const a = new (Database as unknown as new (f: string) => { prepare(sql: string): unknown; close(): void })(file);
    expect(a.prepare("SELECT 1")).toBe(a.prepare("SELECT 1"));
    const b = new (Database as unknown as new (f: string) => { prepare(sql: string): unknown; close(): void })(file);
    expect(b.prepare("SELECT 1")).not.toBe(a.prepare("SELECT 1")); // one cache per connection
    a.close();
    b.close();

    const client = createClient({ url: `file:${file}` });
    await client.execute("CREATE TABLE t (x INTEGER)");
    await client.execute({ sql: "INSERT INTO t (x) VALUES (?)", args: [1] });
    await client.execute({ sql: "INSERT INTO t (x) VALUES (?)", args: [2] });
    expect((await client.execute("SELECT * FROM t ORDER BY x")).rows.map((r) => r.x)).toEqual([1, 2]);
    // A cached statement remembers its modes and columns: an insert without rows still runs, one with rows still returns them.
    for (let i = 0; i < 3; i++) expect((await client.execute({ sql: "INSERT INTO t (x) VALUES (?)", args: [10 + i] })).rowsAffected).toBe(1);
    for (let i = 0; i < 2; i++) expect((await client.execute({ sql: "INSERT INTO t (x) VALUES (?) RETURNING x", args: [20 + i] })).rows.map((r) => r.x)).toEqual([20 + i]);
    await client.execute("DELETE FROM t WHERE x >= 10");
    await client.execute("ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'z'");
    const after = await client.execute("SELECT * FROM t ORDER BY x");
    expect(after.columns).toEqual(["x", "y"]);
    expect(after.rows.map((r) => r.y)).toEqual(["z", "z"]);
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO t (x) VALUES (?)", args: [3] });
    await tx.commit();
    expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(3);
    client.close();
  });
});
