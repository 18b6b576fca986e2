// Fault script: what Beckon keeps and delivers when things break. Bounded, loopback only.
//   1. SIGKILL the server process during 500 call-back submissions, then restart it.
//   2. A 15-minute Twilio outage (time compressed: see below), with 50 alerts queued during it.
//   3. A mail server that accepts connections and never answers, beside normal SMS traffic.
// Prints, per scenario: requests acknowledged, rows stored, SMS / emails delivered, duplicates.
// Run: npx tsx bench/faults.ts [submissions=500] [scenario: 1|2|3, default all]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { loadConfig } from "../server/src/env.ts";
import { repoRoot, startServer } from "../server/src/server.ts";
import { defaultRetryPolicy } from "../server/src/outbox/retry-policy.ts";
import { startTwilioDouble, type TwilioDouble } from "../server/test/twilio-double.ts";
import { LOAD_ENV, twilioDoubleEnv } from "../server/test/load-env.ts";

const SUBMISSIONS = Number(process.argv[2] ?? 500);
const PORT = 9341; // this helper's bench ports: 9340-9349
const creds = { accountSid: `AC${"f".repeat(32)}`, authToken: "fault-token" };
const dir = mkdtempSync(path.join(tmpdir(), "beckon-faults-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function baseEnv(name: string, double: TwilioDouble, port: number): Record<string, string> {
  return {
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${port}`,
    DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`,
    ...twilioDoubleEnv(creds, double.url),
    ...LOAD_ENV,
    OUTBOX_POLL_MS: "200",
    LOG_LEVEL: "error",
  };
}

async function countRows(dbFile: string, where = "1 = 1"): Promise<number> {
  const client = createClient({ url: `file:${dbFile}` });
  const { rows } = await client.execute(`SELECT count(*) AS n FROM requests WHERE ${where}`);
  client.close();
  return Number(rows[0]!.n);
}

/** How many distinct shoppers got an alert, and how many alerts were extra copies. */
function alerts(double: TwilioDouble, prefix: string) {
  const names = double.messages.map((m) => new RegExp(`(${prefix} \\d+) \\+`).exec(m.body)?.[1]).filter((n): n is string => !!n);
  return { delivered: new Set(names).size, duplicates: names.length - new Set(names).size };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}

function post(url: string, origin: string, pathname: string, body: unknown, key: string) {
  return fetch(`${url}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "text/plain", Origin: origin, "Idempotency-Key": key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

// ---------------------------------------------------------------------------------------------
// 1. SIGKILL during submissions. The server is its own process (node + tsx, as `npm start` runs it).
async function sigkillScenario() {
  const double = await startTwilioDouble(creds);
  const env = { ...process.env, ...baseEnv("sigkill", double, PORT) };
  const url = `http://127.0.0.1:${PORT}`;
  const origin = `http://localhost:${PORT}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "server/src/index.ts")], { env, cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
    const up = await waitFor(() => fetch(`${url}/healthz`).then((r) => r.ok, () => false), 30_000);
    if (!up) throw new Error("server did not start");
  };
  await launch();

  let next = 0;
  let acknowledged = 0;
  let refusedAttempts = 0;
  let killedAt = -1;
  const killAt = Math.floor(SUBMISSIONS / 2);
  let restarting: Promise<void> | undefined;
  async function shopper() {
    while (next < SUBMISSIONS) {
      const i = next++;
      if (i === killAt) {
        killedAt = i;
        child!.kill("SIGKILL"); // no warning, no shutdown hooks: in-flight work is cut mid-write
        restarting = sleep(300).then(launch);
      }
      // Like a widget retrying with its Idempotency-Key: a request committed before the crash is not stored twice.
      const key = `fault-sigkill-${i}`;
      for (let tries = 0; tries < 100; tries++) {
        try {
          const res = await post(url, origin, "/api/v1/sites/demo/callbacks", { name: `Killed Shopper ${i}`, phone: "+14155550123", when: "asap" }, key);
          if (res.status === 201 || res.status === 200) {
            acknowledged++;
            break;
          }
          refusedAttempts++;
        } catch {
          refusedAttempts++;
        }
        await sleep(200);
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, shopper));
  await restarting;
  const dbFile = path.join(dir, "sigkill.db");
  const stored = await countRows(dbFile, "json_extract(fields, '$.name') LIKE 'Killed Shopper %'");
  await waitFor(() => alerts(double, "Killed Shopper").delivered >= stored, 60_000);
  const storedNames = await (async () => {
    const client = createClient({ url: `file:${dbFile}` });
    const { rows } = await client.execute("SELECT count(DISTINCT json_extract(fields, '$.name')) AS n FROM requests WHERE json_extract(fields, '$.name') LIKE 'Killed Shopper %'");
    client.close();
    return Number(rows[0]!.n);
  })();
  const sms = alerts(double, "Killed Shopper");
  child!.kill("SIGTERM");
  await new Promise((r) => child!.once("exit", r));
  await double.close();
  return { submissions: SUBMISSIONS, killedAt, acknowledged, refusedAttempts, stored, duplicateRows: stored - storedNames, smsDelivered: sms.delivered, smsDuplicates: sms.duplicates };
}

// ---------------------------------------------------------------------------------------------
// 2. A 15-minute provider outage, compressed: the server runs in this process on a clock that moves
// 60× faster than real time (outbox backoff and its 24-hour window are computed on that clock), and
// the Twilio double answers every API request with 503 for 15 simulated minutes (15 real seconds).
async function outageScenario() {
  const SPEED = 60;
  const OUTAGE_MIN = 15;
  const double = await startTwilioDouble(creds);
  const startReal = Date.now();
  const clock = { now: () => new Date(startReal + (Date.now() - startReal) * SPEED) };
  const config = loadConfig(baseEnv("outage", double, PORT + 1), repoRoot);
  const quiet = { info() {}, warn() {}, error() {} };
  const server = await startServer(config, { clock, retry: defaultRetryPolicy, log: quiet });
  double.setDown(503);
  const outageEndsAt = Date.now() + (OUTAGE_MIN * 60_000) / SPEED;
  let acknowledged = 0;
  const alertsCount = 50;
  for (let i = 0; i < alertsCount; i++) {
    const res = await post(server.url, config.publicUrl, "/api/v1/sites/demo/callbacks", { name: `Outage Shopper ${i}`, phone: "+14155550123", when: "asap" }, `fault-outage-${i}`);
    if (res.status === 201) acknowledged++;
    await sleep(((OUTAGE_MIN * 60_000) / SPEED / alertsCount) * 0.9); // spread over the outage
  }
  await sleep(Math.max(0, outageEndsAt - Date.now()));
  const failedRequestsDuringOutage = double.requestCount;
  const deliveredDuringOutage = double.messages.length;
  double.setDown(null);
  const back = Date.now();
  await waitFor(() => alerts(double, "Outage Shopper").delivered >= alertsCount, (30 * 60_000) / SPEED);
  const allSentAfterSimMin = ((Date.now() - back) * SPEED) / 60_000;
  const stored = await countRows(path.join(dir, "outage.db"), "json_extract(fields, '$.name') LIKE 'Outage Shopper %'");
  const sms = alerts(double, "Outage Shopper");
  await server.close();
  await double.close();
  return {
    simulated: `${OUTAGE_MIN} min of 503s at ${SPEED}× speed`,
    acknowledged,
    stored,
    twilioRequestsRefused: failedRequestsDuringOutage,
    deliveredDuringOutage,
    smsDelivered: sms.delivered,
    smsDuplicates: sms.duplicates,
    allDeliveredWithinSimulatedMinutesAfterRecovery: Number(allSentAfterSimMin.toFixed(1)),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. A mail server that never answers: a TCP listener that accepts and stays silent. Messages (two
// emails each: the owner's copy and the shopper's automatic reply) and call-backs (one SMS each) are
// submitted together; SMS must not wait behind the stuck mail.
async function silentSmtpScenario() {
  const sockets = new Set<Socket>();
  const silent = createServer((s) => void sockets.add(s));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const smtpPort = (silent.address() as { port: number }).port;
  const double = await startTwilioDouble(creds);
  const env = {
    ...baseEnv("smtp", double, PORT + 2),
    SMTP_URL: `smtp://u:p@127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Shop <shop@example.com>",
    OWNER_EMAIL: "owner@example.com",
    OWNER_PASSWORD: "correct horse battery staple",
  };
  const config = loadConfig(env, repoRoot);
  const quiet = { info() {}, warn() {}, error() {} };
  const server = await startServer(config, { log: quiet });
  const n = 20;
  const started = new Map<string, number>();
  let acknowledged = 0;
  let submitting = true;
  const latencies: number[] = [];
  // Watches for each alert while submissions go on, so a latency is submit → SMS, not submit → end of loop.
  const watching = waitFor(() => {
    for (const [name, t] of started) {
      if (double.messages.some((m) => m.body.includes(`${name} +`))) {
        latencies.push(performance.now() - t);
        started.delete(name);
      }
    }
    return !submitting && started.size === 0;
  }, 60_000, 10);
  for (let i = 0; i < n; i++) {
    const m = await post(server.url, config.publicUrl, "/api/v1/sites/demo/messages", { name: `Mail Shopper ${i}`, email: `shopper${i}@example.com`, message: "Do you ship to Canada?" }, `fault-smtp-m-${i}`);
    started.set(`Callback Shopper ${i}`, performance.now());
    const c = await post(server.url, config.publicUrl, "/api/v1/sites/demo/callbacks", { name: `Callback Shopper ${i}`, phone: "+14155550123", when: "asap" }, `fault-smtp-c-${i}`);
    acknowledged += Number(m.status === 201) + Number(c.status === 201);
  }
  submitting = false;
  await watching;
  const sms = alerts(double, "Callback Shopper");
  const client = createClient({ url: `file:${path.join(dir, "smtp.db")}` });
  const { rows } = await client.execute("SELECT status, count(*) AS n FROM outbox WHERE channel = 'email' GROUP BY status");
  client.close();
  for (const s of sockets) s.destroy();
  await server.close();
  await double.close();
  await new Promise<void>((r) => silent.close(() => r()));
  latencies.sort((a, b) => a - b);
  return {
    acknowledged,
    callbackSmsDelivered: sms.delivered,
    smsDuplicates: sms.duplicates,
    submitToSmsP50Ms: Math.round(latencies[Math.floor(latencies.length / 2)] ?? NaN),
    submitToSmsMaxMs: Math.round(latencies.at(-1) ?? NaN),
    emailsDelivered: 0,
    emailRowsByStatus: Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)])),
  };
}

const only = process.argv[3]; // "1", "2" or "3" to run one scenario
try {
  if (!only || only === "1") console.info("1. SIGKILL during submissions:", await sigkillScenario());
  if (!only || only === "2") console.info("2. Twilio outage:", await outageScenario());
  if (!only || only === "3") console.info("3. Mail server that never answers:", await silentSmtpScenario());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
