import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../env.ts";
import { repoRoot, startServer, type Running } from "../server.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

const PUBLIC = "http://127.0.0.1:9301";
let running: Running | undefined;
let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await running?.close();
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  running = h = dir = undefined;
});

/** A real server (port 0) on a fresh database, its JSON log lines kept in memory. */
async function start(env: Record<string, string> = {}) {
  dir = mkdtempSync(path.join(tmpdir(), "beckon-obs-"));
  const config = loadConfig({ PUBLIC_URL: PUBLIC, DATABASE_URL: `file:${path.join(dir, "db.sqlite")}`, OUTBOX_POLL_MS: "50", SPAM_CHALLENGE: "off", ...env }, repoRoot);
  const lines: Record<string, unknown>[] = [];
  running = await startServer({ ...config, port: 0, host: "127.0.0.1" }, { logDestination: { write: (s: string) => void lines.push(JSON.parse(s)) } });
  return { url: running.url, lines };
}

const callback = (url: string) =>
  fetch(`${url}/api/v1/sites/demo/callbacks`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: PUBLIC },
    body: JSON.stringify({ name: "Secret Shopper", phone: "+14155550123", when: "asap", note: "my private note" }),
  });

describe("structured logs", () => {
  it("writes JSON lines with the request id on each, and no message bodies at info", async () => {
    const { url, lines } = await start({ LOG_LEVEL: "info" });
    const res = await callback(url);
    expect(res.status).toBe(201);
    const id = res.headers.get("X-Request-Id");
    expect(id).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300)); // the outbox prints its "not sent" line
    const access = lines.find((l) => l.msg === "POST /api/v1/sites/:site/callbacks 201" || String(l.msg).startsWith("POST /api/v1/sites/:site/callbacks 201"));
    expect(access).toMatchObject({ level: 30, reqId: id });
    const text = JSON.stringify(lines);
    expect(text).not.toContain("Secret Shopper");
    expect(text).not.toContain("my private note");
    expect(text).not.toContain("+14155550123");
  });
});

describe("GET /metrics", () => {
  it("is off (404) without METRICS_TOKEN", async () => {
    const { url } = await start();
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
  });

  it("needs the bearer token and reports requests, outbox and SSE figures in Prometheus text", async () => {
    const token = "metrics-token-0123456789";
    const { url } = await start({ METRICS_TOKEN: token });
    await callback(url);
    const metrics = () => fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.text());
    // The outbox records its "not sent" outcome just after the 201; wait for it rather than for a fixed time.
    await expect.poll(metrics, { timeout: 10_000 }).toContain('beckon_outbox_sends_total{channel="sms",outcome="not_sent"} 1');
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { Authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const res = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain('beckon_http_requests_total{method="POST",route="/api/v1/sites/:site/callbacks",status="201"} 1');
    expect(text).toContain('beckon_outbox_sends_total{channel="sms",outcome="not_sent"} 1');
    expect(text).toMatch(/beckon_outbox_depth\{channel="sms"\} 0/);
    expect(text).toMatch(/beckon_outbox_oldest_due_age_seconds\{channel="email"\} 0/);
    expect(text).toMatch(/beckon_sse_clients 0/);
  });
});

describe("GET /healthz", () => {
  it("reports the database and each worker loop alive", async () => {
    const { url } = await start();
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, database: "ok", workers: { outbox_sms: { alive: true }, outbox_email: { alive: true }, reminders: { alive: true }, retention: { alive: true } } });
  });

  it("answers 503 when a worker loop has stalled or the database is gone", async () => {
    let tick: number | undefined = Date.now() - 10 * 60_000;
    h = await createHarness({ observability: { workers: () => [{ name: "outbox_sms", lastTick: tick, maxAgeMs: 30_000 }] } });
    const stalled = await h.app.request("/healthz");
    expect(stalled.status).toBe(503);
    expect(await stalled.json()).toMatchObject({ ok: false, database: "ok", workers: { outbox_sms: { alive: false } } });
    tick = Date.now();
    expect((await h.app.request("/healthz")).status).toBe(200);
    h.database.close();
    const gone = await h.app.request("/healthz");
    expect(gone.status).toBe(503);
    expect(await gone.json()).toMatchObject({ ok: false, database: "unreachable" });
  });
});
