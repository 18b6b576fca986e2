/**
 * Runs `work` once at start and then every `pollMs`, never two runs at once (a tick while one runs is
 * skipped). `lastTick` is when the loop last went round (real time, ms), for `/healthz`; a long run
 * does not hold it back. `stop` ends the ticks and waits for a run in hand.
 */
export function periodicLoop(work: () => Promise<unknown>, opts: { pollMs: number; onError: (err: unknown) => void }) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<unknown> | undefined;
  let lastTick: number | undefined;
  const tick = () => {
    lastTick = Date.now();
    running ??= work()
      .catch(opts.onError)
      .finally(() => (running = undefined));
  };
  return {
    lastTick: () => lastTick,
    start() {
      timer = setInterval(tick, opts.pollMs);
      timer.unref?.();
      tick();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
