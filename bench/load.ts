// A closed-loop load generator: `concurrency` workers, each sending the next request when its last one
// answered, until `count` are done. Latency per request; throughput over the whole run.

export type LoadResult = { rps: number; p50: number; p99: number; max: number; latencies: number[] };

export async function closedLoop(concurrency: number, count: number, send: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await send(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: count / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1)!, latencies };
}

/** The p-th percentile of sorted numbers. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 50);

let retried = 0;
/** fetch, tried again (twice at most) when the connection dropped before an answer: a keep-alive socket the
 * server closed as the request went out (seen on an overloaded machine). Counted, and printed by the benches. */
export async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (err) {
      if (attempt >= 2 || !(err instanceof TypeError)) throw err;
      retried++;
    }
  }
}
export const retries = () => retried;
