// Starting and stopping the servers the benches measure, each in its own process.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { repoRoot } from "../server/src/server.ts";
import { LOAD_ENV } from "../server/test/load-env.ts";

export type Proc = { child: ChildProcess; base: string; stop(): Promise<void> };

/** Refuses to start on a port something already answers on (its answers would be measured instead). */
async function portFree(base: string) {
  if (await fetch(`${base}/healthz`).then(() => true, () => false)) throw new Error(`something already listens on ${base}: stop it or set BENCH_PORT`);
}

async function started(child: ChildProcess, base: string): Promise<Proc> {
  track(child);
  let exited = false;
  child.once("exit", () => (exited = true));
  for (let i = 0; i < 600 && !exited && !(await fetch(`${base}/healthz`).then((r) => r.status < 500, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  if (exited) throw new Error(`server on ${base} exited before it answered`);
  return {
    child,
    base,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

/** Beckon compiled (`npm run serve`, one process) on a libsql file, with the load environment (limits off). */
export async function startBeckon(opts: { port: number; db: string; env?: Record<string, string>; root?: string }): Promise<Proc> {
  const base = `http://127.0.0.1:${opts.port}`;
  await portFree(base);
  // BENCH_BECKON_ROOT runs another checkout's build (e.g. the code before a change) against the same load.
  const child = spawn(process.execPath, ["server/dist/index.js"], {
    cwd: opts.root ?? process.env.BENCH_BECKON_ROOT ?? repoRoot,
    env: { PATH: process.env.PATH, PORT: String(opts.port), HOST: "127.0.0.1", PUBLIC_URL: `http://localhost:${opts.port}`, DATABASE_URL: `file:${opts.db}`, WEB_CONCURRENCY: "1", LOG_LEVEL: "error", ...LOAD_ENV, ...opts.env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return started(child, base);
}

/** The floor: bare Hono + libsql (bench/floor-server.ts). */
export async function startFloor(opts: { port: number; db: string }): Promise<Proc> {
  const base = `http://127.0.0.1:${opts.port}`;
  await portFree(base);
  const child = spawn(process.execPath, ["--import", "tsx", "bench/floor-server.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, PORT: String(opts.port), FLOOR_DB: opts.db, FLOOR_SYNCHRONOUS: process.env.FLOOR_SYNCHRONOUS ?? "NORMAL" },
    stdio: "ignore",
  });
  return started(child, base);
}

/** CPU time (user + system) of one process, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** The machine's 1-minute load average, to print beside the figures (the machine is shared). */
export const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0]!;

const children = new Set<ChildProcess>();
/** Every server a bench started is stopped when the bench exits, even on an error. */
export function track(child: ChildProcess) {
  children.add(child);
  child.once("exit", () => children.delete(child));
}
process.once("exit", () => {
  for (const child of children) child.kill("SIGTERM");
});
