import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serializeClient } from "./serialized-client.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("serialized client", () => {
  it("runs queued small statements back to back, not one per turn of the event loop", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "beckon-serial-"));
    const client = serializeClient(createClient({ url: `file:${path.join(dir, "s.db")}` }));
    await client.execute("SELECT 1");
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    // Forty shoppers' reads arrive together (the first takes the file, the rest queue).
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => client.execute({ sql: "SELECT ? AS n", args: [i] })));
    counting = false;
    expect(answers.map((a) => a.rows[0]!.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // Handing the file over a turn at a time took 39 turns; in slices they all run within a few.
    expect(turns).toBeLessThan(10);
    client.close();
  });
});
