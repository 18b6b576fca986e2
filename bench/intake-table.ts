// The intake comparison, in one run, alternating: bare Hono (no database), bare Hono + one libsql insert
// (bench/floor-server.ts), and Beckon's call-back and message intake (compiled, one process, limits off).
// Same closed-loop load on loopback at each concurrency; req/s, p50/p99, and the server's CPU ms per request.
// Needs `npm run build`. Run: npx tsx bench/intake-table.ts [requests=1000] [levels=1,10,50,100] [rounds=3]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closedLoop, fetchRetrying, median } from "./load.ts";
import { cpuMs, loadAverage, startBeckon, startFloor, type Proc } from "./processes.ts";

type Target = { name: string; start: (port: number, db: string) => Promise<Proc>; path: string; body: (i: number) => string; headers?: Record<string, string> };
const shopper = (i: number) => ({ name: `Shopper ${i}`, phone: "+14155550123", when: "asap" });
export const TARGETS: Target[] = [
  { name: "bare Hono hello", path: "/hello", start: (port, db) => startFloor({ port, db }), body: (i) => JSON.stringify(shopper(i)) },
  { name: "bare Hono + libsql, one insert", path: "/insert", start: (port, db) => startFloor({ port, db }), body: (i) => JSON.stringify(shopper(i)) },
  { name: "Beckon POST …/callbacks", path: "/api/v1/sites/demo/callbacks", start: (port, db) => startBeckon({ port, db }), body: (i) => JSON.stringify(shopper(i)) },
  {
    name: "Beckon POST …/messages",
    path: "/api/v1/sites/demo/messages",
    start: (port, db) => startBeckon({ port, db }),
    body: (i) => JSON.stringify({ name: `Shopper ${i}`, email: `shopper${i}@example.com`, message: "Do you ship to Canada?" }),
  },
];

// BENCH_BEFORE_ROOT: another checkout's build (the code before a change) measured in the same run,
// interleaved with this one, as "… (before)" rows.
const beforeRoot = process.env.BENCH_BEFORE_ROOT;
if (beforeRoot) {
  for (const t of TARGETS.filter((x) => x.name.startsWith("Beckon"))) {
    TARGETS.push({ ...t, name: `${t.name} (before)`, start: (port, db) => startBeckon({ port, db, root: beforeRoot }) });
  }
}

export type IntakeRow = { name: string; rps: Record<number, number>; p50: Record<number, number>; p99: Record<number, number>; cpu: Record<number, number> };

export async function runIntake(opts: { requests: number; levels: number[]; rounds: number; port: number; targets?: Target[] }): Promise<IntakeRow[]> {
  const targets = opts.targets ?? TARGETS;
  const dir = mkdtempSync(path.join(tmpdir(), "beckon-intake-"));
  const samples = new Map<string, { rps: number[]; p50: number[]; p99: number[]; cpu: number[] }>();
  try {
    for (let round = 0; round < opts.rounds; round++) {
      for (const [t, target] of targets.entries()) {
        const server = await target.start(opts.port, path.join(dir, `${round}-${t}.db`));
        const send = (offset: number) => async (i: number) => {
          const res = await fetchRetrying(`${server.base}${target.path}`, { method: "POST", headers: { "Content-Type": "text/plain", ...target.headers }, body: target.body(offset + i) });
          if (res.status !== 201) throw new Error(`${target.name}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        };
        await closedLoop(10, 200, send(9_000_000)); // warm-up
        for (const c of opts.levels) {
          // Each level opens its own connections first (two requests per worker, not counted): the figures
          // are the steady state at that concurrency, not the moment c keep-alive connections arrive at once.
          await closedLoop(c, 2 * c, send(8_000_000 + c * 10_000));
          const before = cpuMs(server.child.pid!);
          const r = await closedLoop(c, opts.requests, send(round * 1_000_000 + c * 10_000));
          const cpu = (cpuMs(server.child.pid!) - before) / opts.requests;
          const key = `${target.name}@${c}`;
          const s = samples.get(key) ?? { rps: [], p50: [], p99: [], cpu: [] };
          s.rps.push(r.rps), s.p50.push(r.p50), s.p99.push(r.p99), s.cpu.push(cpu);
          samples.set(key, s);
          console.info(`round ${round + 1}  ${target.name.padEnd(32)} @${String(c).padEnd(3)} ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  CPU ${cpu.toFixed(2)} ms/req  (load ${loadAverage()})`);
        }
        await server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return targets.map((t) => {
    const row: IntakeRow = { name: t.name, rps: {}, p50: {}, p99: {}, cpu: {} };
    for (const c of opts.levels) {
      const s = samples.get(`${t.name}@${c}`)!;
      row.rps[c] = median(s.rps), row.p50[c] = median(s.p50), row.p99[c] = median(s.p99), row.cpu[c] = median(s.cpu);
    }
    return row;
  });
}

const n = (x: number) => Math.round(x).toLocaleString("en");

/** The table: req/s at each level, p50/p99 at 50 (or the highest level), CPU ms per request, and ratios to the floor. */
export function printIntake(rows: IntakeRow[], levels: number[], requests: number, rounds: number) {
  const at = levels.includes(50) ? 50 : levels.at(-1)!;
  const cpuOf = (r: IntakeRow) => median(levels.map((c) => r.cpu[c]!));
  console.info(`\nIntake: ${requests} requests per level, medians of ${rounds} round(s); load average ${loadAverage()}`);
  console.info(`| endpoint | req/s at ${levels.join(" / ")} concurrent | p50 / p99 at ${at} concurrent | server CPU ms per request |`);
  console.info("| --- | --- | --- | --- |");
  for (const r of rows) console.info(`| ${r.name} | ${levels.map((c) => n(r.rps[c]!)).join(" / ")} | ${r.p50[at]!.toFixed(0)} / ${r.p99[at]!.toFixed(0)} ms | ${cpuOf(r).toFixed(2)} |`);
  const floor = rows.find((r) => r.name.includes("insert"));
  if (!floor) return;
  for (const r of rows.filter((x) => x.name.startsWith("Beckon"))) {
    const share = levels.map((c) => `${((r.rps[c]! / floor.rps[c]!) * 100).toFixed(0)}% @${c}`).join(", ");
    console.info(`${r.name}: throughput ${share} of the insert floor; CPU per request ${(cpuOf(r) / cpuOf(floor)).toFixed(1)}× the floor's`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const requests = Number(process.argv[2] ?? 1000);
  const levels = (process.argv[3] ?? "1,10,50,100").split(",").map(Number);
  const rounds = Number(process.argv[4] ?? 3);
  const rows = await runIntake({ requests, levels, rounds, port: Number(process.env.BENCH_PORT ?? 8799) });
  printIntake(rows, levels, requests, rounds);
}
