import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { STOP_SIGNALS } from "./shutdown.ts";

/** How many server processes to run: WEB_CONCURRENCY if set, else every core when compiled (`npm run serve`), else one. */
export function processCount(configured: number | undefined, compiled: boolean): number {
  return configured ?? (compiled ? availableParallelism() : 1);
}

/**
 * The cluster primary: runs `count` copies of this script, all listening on one port (the primary
 * hands out connections). The first is started alone and the rest once it listens, so migrations and
 * first-run seeding happen once. A process that dies after it started is replaced; on SIGTERM/SIGINT the signal is
 * passed to every process, and the primary exits when they all have (0 if they all stopped cleanly).
 * Resolves once every process listens; rejects if one cannot start.
 */
export async function runPrimary(count: number, log: Pick<Console, "info" | "error">): Promise<void> {
  let stopping = false;
  let failed = false;

  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      let listening = false;
      worker.once("listening", () => {
        listening = true;
        resolve(worker);
      });
      worker.once("exit", (code, signal) => {
        const how = signal ?? `exit code ${code}`;
        if (stopping) {
          // One still starting has no requests to lose; one that served must stop cleanly.
          if (code !== 0 && listening) failed = true;
          if (!Object.keys(cluster.workers ?? {}).length) process.exit(failed ? 1 : 0);
        } else if (!listening) {
          // It never started (bad database, port taken): replacing it would fail the same way.
          reject(new Error(`a server process could not start (${how})`));
        } else {
          log.error(`server process ${worker.process.pid} stopped (${how}); starting another`);
          setTimeout(() => void fork().catch((err) => log.error(err.message)), 1000).unref();
        }
      });
    });

  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (!workers.length) process.exit(0);
      for (const worker of workers) worker?.process.kill("SIGTERM");
    });
  }

  await fork();
  await Promise.all(Array.from({ length: count - 1 }, fork));
}
