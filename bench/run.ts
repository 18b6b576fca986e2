// `npm run bench`: the intake comparison against the bare floor, a burst of call-backs and their SMS, and
// the data-scale run at a million requests, then the tables. Sized for under 10 minutes on 2 cores.
// Needs `npm run build` (the root script runs it). Sizes: BENCH_REQUESTS (per level, 1000), BENCH_ROUNDS (3),
// BENCH_BURST (2000), BENCH_ROWS (1000000), BENCH_SITES (1000); BENCH_PORT (8799); BENCH_ONLY=intake,burst,scale
// (a comma list: run only those parts).
import { runDataScale, printScale } from "./data-scale.ts";
import { printIntake, runIntake } from "./intake-table.ts";
import { retries } from "./load.ts";
import { loadAverage } from "./processes.ts";
import { printBurst, runSmsBurst } from "./sms-burst.ts";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const port = env("BENCH_PORT", 8799);
const levels = [1, 10, 50, 100];
const requests = env("BENCH_REQUESTS", 1000);
const rounds = env("BENCH_ROUNDS", 3);
const started = performance.now();
console.info(`Beckon bench, ${new Date().toISOString()}; load average at start ${loadAverage()} (the figures are only as quiet as the machine)`);

const only = (part: string) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(",").includes(part);
const intake = only("intake") ? await runIntake({ requests, levels, rounds, port }) : undefined;
const burst = only("burst") ? await runSmsBurst({ count: env("BENCH_BURST", 2000), concurrency: 50, port }) : undefined;
const scale = only("scale") ? await runDataScale({ requests: env("BENCH_ROWS", 1_000_000), sites: env("BENCH_SITES", 1000), port }) : undefined;

console.info(`\n================ summary (${((performance.now() - started) / 60_000).toFixed(1)} min) ================`);
if (intake) printIntake(intake, levels, requests, rounds);
if (burst) printBurst(burst);
if (scale) printScale(scale);
if (retries()) console.info(`\n(${retries()} requests were sent again after a dropped connection)`);
