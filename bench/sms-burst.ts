// A burst of call-backs and their owner SMS: Beckon (compiled, one process) with the real Twilio SDK
// pointed at the Twilio double (in this process), `count` call-backs posted `concurrency` at a time.
// Prints when the SMS reached the double relative to the last 201, and each request's submit → SMS time.
// Needs `npm run build`. Run: npx tsx bench/sms-burst.ts [count=2000] [concurrency=50]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTwilioDouble } from "../server/test/twilio-double.ts";
import { twilioDoubleEnv } from "../server/test/load-env.ts";
import { closedLoop, fetchRetrying, pct } from "./load.ts";
import { loadAverage, startBeckon } from "./processes.ts";

export type BurstResult = { count: number; concurrency: number; rps: number; afterLast: { p50: number; p99: number; max: number }; submitToSms: { p50: number; p99: number }; delivered: number; load: string };

export async function runSmsBurst(opts: { count: number; concurrency: number; port: number }): Promise<BurstResult> {
  const creds = { accountSid: `AC${"b".repeat(32)}`, authToken: "bench-token" };
  const double = await startTwilioDouble(creds);
  const dir = mkdtempSync(path.join(tmpdir(), "beckon-burst-"));
  const server = await startBeckon({ port: opts.port, db: path.join(dir, "burst.db"), env: twilioDoubleEnv(creds, double.url) });
  try {
    const created = new Map<string, number>();
    const r = await closedLoop(opts.concurrency, opts.count, async (i) => {
      const name = `Burst ${i}`;
      const res = await fetchRetrying(`${server.base}/api/v1/sites/demo/callbacks`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ name, phone: "+14155550123", when: "asap" }) });
      if (res.status !== 201) throw new Error(`callback ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      created.set(name, performance.timeOrigin + performance.now());
    });
    const last = Math.max(...created.values());
    const deadline = Date.now() + 120_000;
    while (double.messages.length < opts.count && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    const afterLast = double.messages.map((m) => Math.max(0, m.at - last)).sort((a, b) => a - b);
    const lag = double.messages
      .map((m) => {
        const name = /Burst \d+/.exec(m.body)?.[0];
        return name && created.has(name) ? m.at - created.get(name)! : undefined;
      })
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    const result: BurstResult = {
      count: opts.count,
      concurrency: opts.concurrency,
      rps: r.rps,
      delivered: double.messages.length,
      afterLast: { p50: pct(afterLast, 50), p99: pct(afterLast, 99), max: afterLast.at(-1) ?? NaN },
      submitToSms: { p50: pct(lag, 50), p99: pct(lag, 99) },
      load: loadAverage(),
    };
    printBurst(result);
    return result;
  } finally {
    await server.stop();
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printBurst(r: BurstResult) {
  console.info(`\nSMS burst: ${r.count} call-backs, ${r.concurrency} at a time (${r.rps.toFixed(0)} req/s); ${r.delivered} SMS reached the Twilio double; load average ${r.load}`);
  console.info(`  SMS after the last 201: p50 ${(r.afterLast.p50 / 1000).toFixed(2)} s, p99 ${(r.afterLast.p99 / 1000).toFixed(2)} s, last ${(r.afterLast.max / 1000).toFixed(2)} s`);
  console.info(`  each request's submit → SMS: p50 ${(r.submitToSms.p50 / 1000).toFixed(2)} s, p99 ${(r.submitToSms.p99 / 1000).toFixed(2)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSmsBurst({ count: Number(process.argv[2] ?? 2000), concurrency: Number(process.argv[3] ?? 50), port: Number(process.env.BENCH_PORT ?? 8799) });
}
