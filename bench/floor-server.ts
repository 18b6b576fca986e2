// The floor Beckon's intake is measured against: bare Hono on @hono/node-server, one libsql insert per
// POST into a local file, 201. No validation, no outbox, no limits; and POST /hello, Hono alone.
// Run by bench/intake-floor.ts and bench/intake-table.ts.
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import { Hono } from "hono";

const client = createClient({ url: `file:${process.env.FLOOR_DB}` });
await client.execute("PRAGMA journal_mode = WAL");
// The same durability setting as Beckon's own database (server/src/db/client.ts), so the comparison is fair.
await client.execute(`PRAGMA synchronous = ${process.env.FLOOR_SYNCHRONOUS === "FULL" ? "FULL" : "NORMAL"}`);
await client.execute("CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL)");
const app = new Hono();
app.get("/healthz", (c) => c.json({ ok: true }));
// The bare framework: no database at all.
app.post("/hello", async (c) => c.json({ hello: (await c.req.text()).length }, 201));
app.post("/insert", async (c) => {
  const body = await c.req.text();
  const { lastInsertRowid } = await client.execute({ sql: "INSERT INTO requests (body, created_at) VALUES (?, ?)", args: [body, Date.now()] });
  return c.json({ id: Number(lastInsertRowid) }, 201);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
