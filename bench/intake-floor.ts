// Beckon's call-back intake against a bare floor (bench/floor-server.ts: Hono + one libsql insert), in
// one run, alternating, with the same bounded fetch load on loopback. Prints requests per second,
// p50/p99 latency, and server CPU milliseconds per request (from /proc), and the ratios.
// Needs `npm run build` first (Beckon runs compiled, as `npm run serve`, one process).
// Run: npx tsx bench/intake-floor.ts [requests=2000] [concurrency=10,50] [rounds=3]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../server/src/server.ts";
import { LOAD_ENV } from "../server/test/load-env.ts";

const total = Number(process.argv[2] ?? 2000);
const levels = (process.argv[3] ?? "10,50").split(",").map(Number);
const rounds = Number(process.argv[4] ?? 3);
const port = Number(process.env.BENCH_PORT ?? 8799);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "beckon-floor-bench-"));

type Target = { name: string; start: (db: string) => ChildProcess; path: string; body: (i: number) => string; headers: Record<string, string> };
const targets: Target[] = [
  { name: "bare Hono + libsql insert", path: "/insert", headers: {}, body: (i) => JSON.stringify({ name: `Shopper ${i}`, phone: "+14155550123" }),
    start: (db) => spawn(process.execPath, ["--import", "tsx", "bench/floor-server.ts"], { cwd: repoRoot, env: { PATH: process.env.PATH, PORT: String(port), FLOOR_DB: db }, stdio: "ignore" }) },
  { name: "Beckon POST …/callbacks", path: "/api/v1/sites/demo/callbacks", headers: { Origin: `http://localhost:${port}` },
    body: (i) => JSON.stringify({ name: `Shopper ${i}`, phone: "+14155550123", when: "asap" }),
    start: (db) => spawn(process.execPath, ["server/dist/index.js"], { cwd: repoRoot, env: { PATH: process.env.PATH, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: `http://localhost:${port}`, DATABASE_URL: `file:${db}`, WEB_CONCURRENCY: "1", LOG_LEVEL: "error", ...LOAD_ENV }, stdio: "ignore" }) },
];

/** CPU time (user + system) of one process, in ms (Linux /proc; clock ticks of 10 ms). */
const cpuMs = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; };

async function run(t: Target, concurrency: number, count: number, offset: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = offset + next++;
      const sent = performance.now();
      const res = await fetch(`${base}${t.path}`, { method: "POST", headers: { "Content-Type": "text/plain", ...t.headers }, body: t.body(i) });
      if (res.status !== 201) throw new Error(`${t.name}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      latencies.push(performance.now() - sent);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: count / ((performance.now() - started) / 1000), p50: latencies[Math.floor(count * 0.5)]!, p99: latencies[Math.floor(count * 0.99)]! };
}

type Row = { rps: number[]; p50: number[]; p99: number[]; cpu: number[] };
const rows = new Map<string, Row>();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  for (let round = 0; round < rounds; round++) {
    for (const t of targets) {
      const server = t.start(path.join(dir, `${round}-${t.path.length}.db`));
      for (let i = 0; i < 300 && !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
      await run(t, 10, 200, 1_000_000); // warm-up
      for (const c of levels) {
        const before = cpuMs(server.pid!);
        const r = await run(t, c, total, round * 100_000 + c * 1000);
        const cpu = (cpuMs(server.pid!) - before) / total;
        const key = `${t.name} @${c}`;
        const row = rows.get(key) ?? { rps: [], p50: [], p99: [], cpu: [] };
        row.rps.push(r.rps); row.p50.push(r.p50); row.p99.push(r.p99); row.cpu.push(cpu);
        rows.set(key, row);
        console.info(`round ${round + 1}  ${key.padEnd(34)} ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  CPU ${cpu.toFixed(2)} ms/req`);
      }
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.info(`\n${total} requests per level, ${rounds} rounds, medians:`);
for (const [key, r] of rows) console.info(`  ${key.padEnd(34)} ${median(r.rps).toFixed(0).padStart(5)} req/s  p50 ${median(r.p50).toFixed(1)} ms  p99 ${median(r.p99).toFixed(1)} ms  CPU ${median(r.cpu).toFixed(2)} ms/req`);
for (const c of levels) {
  const floor = rows.get(`${targets[0]!.name} @${c}`)!;
  const ours = rows.get(`${targets[1]!.name} @${c}`)!;
  console.info(`  @${c}: Beckon throughput ${((median(ours.rps) / median(floor.rps)) * 100).toFixed(0)}% of the floor; CPU per request ${(median(ours.cpu) / median(floor.cpu)).toFixed(1)}× the floor`);
}
