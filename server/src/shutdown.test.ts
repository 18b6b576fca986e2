import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client.ts";
import { requests } from "./db/schema.ts";
import { postCallback, startServerProcess } from "../test/server-process.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe("graceful shutdown of a real server process", () => {
  it("on SIGTERM during a burst of submissions, stores every call-back it answered 201 and exits 0", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-shutdown-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbFile = path.join(dir, "beckon.db");
    const server = await startServerProcess({ DATABASE_URL: `file:${dbFile}`, WEB_CONCURRENCY: "1" });
    cleanup.push(() => server.stop());

    const created: string[] = [];
    let refused = 0;
    let sent = 0;
    let signalled = false;
    const shopper = async (n: number) => {
      for (let i = 0; i < 60; i++) {
        const res = await postCallback(server, `Shopper ${n}-${i}`).catch(() => undefined);
        if (!res) {
          refused++;
          if (signalled) return;
          continue;
        }
        if (res.status === 201) created.push((await res.json()).id);
        else await res.body?.cancel();
        if (++sent === 40 && !signalled) {
          signalled = true;
          server.child.kill("SIGTERM");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => shopper(n)));

    expect(await server.exited).toBe(0);
    expect(signalled).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(40);
    expect(refused).toBeGreaterThan(0); // it did stop taking new connections
    const database = await openDatabase(`file:${dbFile}`);
    cleanup.push(() => database.close());
    const stored = new Set((await database.db.select({ id: requests.id }).from(requests)).map((r) => r.id));
    expect(created.filter((id) => !stored.has(id))).toEqual([]);
    expect(server.output).toContain("SIGTERM: finishing requests in flight");
  });
});
