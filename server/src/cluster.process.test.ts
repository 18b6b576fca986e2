import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client.ts";
import { outbox } from "./db/schema.ts";
import { postCallback, startServerProcess } from "../test/server-process.ts";
import { startTwilioDouble } from "../test/twilio-double.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const creds = { accountSid: `AC${"c".repeat(32)}`, authToken: "cluster-token" };

describe("WEB_CONCURRENCY=2: two server processes on one port and one database", () => {
  it("takes call-backs on the shared port, and the two outbox workers send each owner alert exactly once", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-cluster-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const twilio = await startTwilioDouble(creds);
    cleanup.push(() => twilio.close());
    const dbFile = path.join(dir, "beckon.db");
    const server = await startServerProcess({
      WEB_CONCURRENCY: "2",
      DATABASE_URL: `file:${dbFile}`,
      TWILIO_ACCOUNT_SID: creds.accountSid,
      TWILIO_AUTH_TOKEN: creds.authToken,
      TWILIO_FROM: "+14155550199",
      TWILIO_API_BASE_URL: twilio.url,
      OWNER_PHONE: "+14155550100",
      OUTBOX_POLL_MS: "20",
    });
    cleanup.push(() => server.stop());
    expect(server.output).toContain("(2 processes)");

    const total = 60;
    const names = Array.from({ length: total }, (_, i) => `Shopper ${String(i).padStart(3, "0")}`);
    // Fresh connections each time, so the primary hands them to both processes.
    const statuses = await Promise.all(names.map(async (name) => (await postCallback(server, name)).status));
    expect(statuses.every((s) => s === 201)).toBe(true);

    const alertsFor = (name: string) => twilio.messages.filter((m) => m.body.includes(`${name} +`)).length;
    await expect.poll(() => names.filter((n) => alertsFor(n) > 0).length, { timeout: 20_000 }).toBe(total);
    expect(names.filter((n) => alertsFor(n) !== 1)).toEqual([]);

    // Nothing is left claimed or waiting (a send the double has seen is marked sent a moment later).
    const database = await openDatabase(`file:${dbFile}`);
    cleanup.push(() => database.close());
    const unfinished = async () => (await database.db.select().from(outbox)).filter((r) => r.status === "pending" || r.status === "sending");
    await expect.poll(unfinished, { timeout: 10_000 }).toEqual([]);
    expect(await server.stop()).toBe(0);
  });
});
