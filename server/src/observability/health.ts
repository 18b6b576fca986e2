/** A background loop's last sign of life (real time, ms since the epoch), and how stale it may get. */
export type WorkerTick = { name: string; lastTick: number | undefined; maxAgeMs: number };

/** Each worker's tick age and whether it is alive; a worker that never ticked is not. */
export function workerHealth(ticks: WorkerTick[], nowMs: number) {
  const workers = Object.fromEntries(
    ticks.map((t) => {
      const ageMs = t.lastTick === undefined ? null : nowMs - t.lastTick;
      return [t.name, { alive: ageMs !== null && ageMs <= t.maxAgeMs, lastTickAgeMs: ageMs }];
    }),
  );
  return { workers, alive: Object.values(workers).every((w) => w.alive) };
}
