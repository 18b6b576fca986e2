// Submit-to-SMS latency: a shopper's POST through commit, the outbox, the real Twilio SDK, to the
// Twilio-compatible double accepting the message. Real server on loopback, real libsql file.
// Run: npx tsx bench/submit-to-sms.ts [requests=200] [concurrency=4]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../server/src/env.ts";
import { repoRoot, startServer } from "../server/src/server.ts";
import { startTwilioDouble } from "../server/test/twilio-double.ts";
import { LOAD_ENV, twilioDoubleEnv } from "../server/test/load-env.ts";

const total = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 4);
const creds = { accountSid: `AC${"b".repeat(32)}`, authToken: "bench-token" };
const dir = mkdtempSync(path.join(tmpdir(), "beckon-bench-"));
const double = await startTwilioDouble(creds);
const config = loadConfig(
  {
    PORT: "8797",
    PUBLIC_URL: "http://localhost:8797",
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    ...twilioDoubleEnv(creds, double.url),
    ...LOAD_ENV,
  },
  repoRoot,
);
const quiet = { info() {}, warn() {}, error: console.error };
const server = await startServer(config, { log: quiet });

const submitMs: number[] = [];
const smsMs: number[] = [];
let next = 0;
async function shopper() {
  while (next < total) {
    const i = next++;
    const name = `Bench Shopper ${i}`;
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/sites/demo/callbacks`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", Origin: config.publicUrl },
      body: JSON.stringify({ name, phone: "+14155550123", when: "asap" }),
    });
    if (res.status !== 201) throw new Error(`submit ${i}: ${res.status} ${await res.text()}`);
    submitMs.push(performance.now() - started);
    while (!double.messages.some((m) => m.body.includes(`${name} +`))) await new Promise((r) => setTimeout(r, 1));
    smsMs.push(performance.now() - started);
  }
}
const wall = performance.now();
await Promise.all(Array.from({ length: concurrency }, shopper));
const seconds = (performance.now() - wall) / 1000;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const row = (label: string, xs: number[]) =>
  console.info(`${label.padEnd(22)} p50 ${pct(xs, 50).toFixed(1)} ms   p90 ${pct(xs, 90).toFixed(1)} ms   p99 ${pct(xs, 99).toFixed(1)} ms   max ${Math.max(...xs).toFixed(1)} ms`);
console.info(`${total} call-back requests, ${concurrency} at a time, ${(total / seconds).toFixed(0)} requests/s`);
row("submit → 201", submitMs);
row("submit → SMS accepted", smsMs);
await server.close();
await double.close();
rmSync(dir, { recursive: true, force: true });
