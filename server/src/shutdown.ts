/** Signals that ask a server process to stop: systemd and containers send SIGTERM, a terminal SIGINT. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Stops gracefully on the first SIGTERM/SIGINT: `close()` stops accepting, lets requests in flight
 * finish and stops the workers; then the process exits 0 (1 if closing failed or took over `graceMs`).
 * Later signals are ignored, so a signal sent both to the process group and by the cluster primary is harmless.
 */
export function exitOnStopSignal(close: () => Promise<void>, log: Pick<Console, "info" | "error">, graceMs = 15_000): void {
  let stopping = false;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: finishing requests in flight and shutting down…`);
      const overdue = setTimeout(() => {
        log.error(`still not stopped after ${graceMs / 1000} s; exiting anyway`);
        process.exit(1);
      }, graceMs);
      overdue.unref();
      close().then(
        () => process.exit(0),
        (err) => {
          log.error(err);
          process.exit(1);
        },
      );
    });
  }
}
