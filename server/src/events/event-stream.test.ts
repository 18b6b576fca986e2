import { Hono } from "hono";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../clock.ts";
import { migrateDatabase, openDatabase, type Database } from "../db/client.ts";
import { sites } from "../db/schema.ts";
import { createEventLog, type EventLog } from "./event-log.ts";
import { eventStream } from "./event-stream.ts";

const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** One "server process": its own connection to the shared file, its own tailing log, its own app. */
async function processOn(file: string) {
  const database: Database = await openDatabase(`file:${file}`);
  await migrateDatabase(database.db);
  const log = createEventLog({ db: database.db, clock: systemClock, pollMs: 10, log: console });
  await log.start();
  const app = new Hono();
  app.get("/stream", (c) =>
    eventStream(c, { log, filter: { siteId: 1, topic: "chat" }, keepAliveMs: 1000, render: async (e) => ({ event: e.type, data: e.data }) }),
  );
  cleanup.push(() => {
    log.stop();
    database.close();
  });
  return { database, log, app };
}

async function sharedFile() {
  const dir = mkdtempSync(path.join(tmpdir(), "beckon-events-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "shared.db");
  const first = await processOn(file);
  await first.database.db.insert(sites).values({ key: "shop", name: "Shop" });
  return { file, first, second: await processOn(file) };
}

type Received = { id?: string; event?: string; data?: string };

/** Reads an SSE response, event by event. */
function sseReader(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  cleanup.push(() => reader.cancel().catch(() => undefined));
  let buffer = "";
  const events: Received[] = [];
  return {
    events,
    async until(count: (events: Received[]) => boolean) {
      while (!count(events)) {
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(":")) continue;
          const e: Received = {};
          for (const line of block.split("\n")) {
            const i = line.indexOf(": ");
            (e as Record<string, string>)[line.slice(0, i)] = line.slice(i + 2);
          }
          events.push(e);
        }
      }
      return events;
    },
  };
}
const say = (log: EventLog, text: string) => log.publish({ siteId: 1, topic: "chat", type: "message", data: { text } });
const texts = (events: Received[]) => events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data!).text);

describe("event log and resumable event streams", () => {
  it("delivers an event written by one process to a stream served by another", async () => {
    const { first, second } = await sharedFile();
    const stream = sseReader(await second.app.request("/stream"));
    await stream.until((e) => e.some((x) => x.event === "ready"));
    await say(first.log, "hello from the other process");
    await stream.until((e) => texts(e).length === 1);
    expect(texts(stream.events)).toEqual(["hello from the other process"]);
  });

  it("replays exactly what a reconnecting client missed, in order, then carries on live", async () => {
    const { first, second } = await sharedFile();
    const before = sseReader(await first.app.request("/stream"));
    await before.until((e) => e.some((x) => x.event === "ready"));
    await say(first.log, "one");
    await say(second.log, "two");
    await before.until((e) => texts(e).length === 2);
    const lastSeen = before.events.at(-1)!.id!;

    // The client drops; meanwhile both processes write.
    for (const [i, log] of [first.log, second.log, first.log].entries()) await say(log, `missed ${i + 1}`);

    const after = sseReader(await second.app.request("/stream", { headers: { "Last-Event-ID": lastSeen } }));
    await after.until((e) => texts(e).length === 3);
    await say(first.log, "live again");
    await after.until((e) => texts(e).length === 4);
    expect(texts(after.events)).toEqual(["missed 1", "missed 2", "missed 3", "live again"]);
    const ids = after.events.filter((e) => e.id).map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBeGreaterThan(Number(lastSeen));
  });

  it("only delivers the stream's own site and topic", async () => {
    const { first } = await sharedFile();
    const stream = sseReader(await first.app.request("/stream"));
    await stream.until((e) => e.some((x) => x.event === "ready"));
    await first.log.publish({ siteId: 1, topic: "inbox", type: "message", data: { text: "not for chat" } });
    await say(first.log, "for chat");
    await stream.until((e) => texts(e).length === 1);
    expect(texts(stream.events)).toEqual(["for chat"]);
  });

  it("ends open streams with a reconnect hint when the process stops", async () => {
    const { first } = await sharedFile();
    const res = await first.app.request("/stream");
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("event: ready")) text += (await reader.read()).value ?? "";
    first.log.stop();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    expect(text).toMatch(/\nretry: \d+\n\n$/);
  });
});
