// The floor Beckon's intake is measured against: bare Hono on @hono/node-server, one libsql insert per
// POST into a local file, 201. No validation, no outbox, no limits. Run by bench/intake-floor.ts.
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import { Hono } from "hono";

const client = createClient({ url: `file:${process.env.FLOOR_DB}` });
await client.execute("PRAGMA journal_mode = WAL");
await client.execute("CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL)");
const app = new Hono();
app.get("/healthz", (c) => c.json({ ok: true }));
app.post("/insert", async (c) => {
  const body = await c.req.text();
  const { lastInsertRowid } = await client.execute({ sql: "INSERT INTO requests (body, created_at) VALUES (?, ?)", args: [body, Date.now()] });
  return c.json({ id: Number(lastInsertRowid) }, 201);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
