/**
 * A pause that ends after `ms`, or at once when `wake()` is called, whichever comes first. Loops that
 * poll (the outbox) or keep a stream alive (SSE) sleep on it, and are woken when work arrives.
 */
export function wakeableSleep() {
  let wakeUp: (() => void) | undefined;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakeUp = done;
      });
    },
    /** Ends the current sleep, if any; does nothing otherwise. */
    wake(): void {
      wakeUp?.();
    },
  };
}
