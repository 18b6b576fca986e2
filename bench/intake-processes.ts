// Intake throughput at 1 and 2 server processes (WEB_CONCURRENCY), and resident memory of the compiled
// server (`npm run serve`) against the development path (`npm start`: tsx). Each run is a real server
// process tree on loopback with a fresh libsql file; a bounded fetch loop posts call-backs to it.
// Runs alternate (serve×1, serve×2, start×1, …) so a busy machine weighs on all of them alike.
// Needs `npm run build` first. Run: npx tsx bench/intake-processes.ts [requests=1500] [concurrency=16] [rounds=2]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../server/src/server.ts";
import { LOAD_ENV } from "../server/test/load-env.ts";

const total = Number(process.argv[2] ?? 1500);
const concurrency = Number(process.argv[3] ?? 16);
const rounds = Number(process.argv[4] ?? 2);
const port = Number(process.env.BENCH_PORT ?? 8798);
const base = `http://127.0.0.1:${port}`;
const publicUrl = `http://localhost:${port}`;

type Mode = { name: string; args: string[]; processes: number };
const modes: Mode[] = [
  { name: "serve, 1 process", args: ["server/dist/index.js"], processes: 1 },
  { name: "serve, 2 processes", args: ["server/dist/index.js"], processes: 2 },
  { name: "start (tsx), 1 process", args: ["--import", "tsx", "server/src/index.ts"], processes: 1 },
];

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) visit(Number(child));
      }
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return kb / 1024;
}

async function startServer(mode: Mode, dbFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, mode.args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: publicUrl,
      DATABASE_URL: `file:${dbFile}`,
      WEB_CONCURRENCY: String(mode.processes),
      ...LOAD_ENV,
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${mode.name} did not start`);
}

async function post(i: number): Promise<void> {
  const res = await fetch(`${base}/api/v1/sites/demo/callbacks`, {
    method: "POST",
    headers: { "Content-Type": "text/plain", Origin: publicUrl },
    body: JSON.stringify({ name: `Bench Shopper ${i}`, phone: "+14155550123", when: "asap" }),
  });
  if (res.status !== 201) throw new Error(`call-back ${i}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

/** `count` call-backs, `concurrency` at a time; returns requests per second. */
async function load(count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await post(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const results = new Map<string, { rps: number[]; idleMb: number[]; loadMb: number[] }>(modes.map((m) => [m.name, { rps: [], idleMb: [], loadMb: [] }]));
const dir = mkdtempSync(path.join(tmpdir(), "beckon-intake-bench-"));
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      const server = await startServer(mode, path.join(dir, `r${round}-${mode.processes}-${mode.args[0]!.replace(/\W/g, "")}.db`));
      await new Promise((r) => setTimeout(r, 1000));
      const idle = treeRssMb(server.pid!);
      await load(100); // warm-up
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(server.pid!))), 200);
      const rps = await load(total);
      clearInterval(sampler);
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      const r = results.get(mode.name)!;
      r.rps.push(rps);
      r.idleMb.push(idle);
      r.loadMb.push(peak);
      console.info(`round ${round + 1}  ${mode.name.padEnd(24)} ${rps.toFixed(0).padStart(5)} call-backs/s   RSS idle ${idle.toFixed(0)} MB, under load ${peak.toFixed(0)} MB`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.info(`\n${total} call-backs per run, ${concurrency} at a time, ${rounds} rounds (medians):`);
for (const [name, r] of results) {
  console.info(`  ${name.padEnd(24)} ${median(r.rps).toFixed(0).padStart(5)} call-backs/s   RSS idle ${median(r.idleMb).toFixed(0)} MB, under load ${median(r.loadMb).toFixed(0)} MB (all processes)`);
}
const one = median(results.get(modes[0]!.name)!.rps);
const two = median(results.get(modes[1]!.name)!.rps);
console.info(`  2 processes / 1 process: ${(two / one).toFixed(2)}×`);
