// Times every SQL statement the server runs while it takes call-backs (or messages): the server runs in
// this process with libsql's Statement methods wrapped, and the statements are printed by total time.
// Run: npx tsx bench/sql-profile.ts [requests=2000] [concurrency=10] [callbacks|messages]
import Database from "libsql";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../server/src/env.ts";
import { repoRoot, startServer } from "../server/src/server.ts";
import { LOAD_ENV } from "../server/test/load-env.ts";

const total = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 10);
const kind = process.argv[4] ?? "callbacks";
const stats = new Map<string, { n: number; ms: number }>();
const proto = (Database as unknown as { prototype: { prepare(sql: string): Record<string, unknown> } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const t0 = performance.now();
  const stmt = prepare.call(this, sql);
  const note = (ms: number) => {
    const s = stats.get(sql) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    stats.set(sql, s);
  };
  note(performance.now() - t0);
  for (const m of ["run", "get", "all", "iterate"]) {
    const f = stmt[m] as (...a: unknown[]) => unknown;
    stmt[m] = (...a: unknown[]) => {
      const t = performance.now();
      try {
        const r = f.apply(stmt, a);
        // iterate: time the full read
        if (m === "iterate") return [...(r as Iterable<unknown>)][Symbol.iterator]();
        return r;
      } finally {
        note(performance.now() - t);
      }
    };
  }
  return stmt;
};

const port = Number(process.env.BENCH_PORT ?? 8799);
const dir = mkdtempSync(path.join(tmpdir(), "beckon-sql-"));
const config = loadConfig({ PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: `http://localhost:${port}`, DATABASE_URL: `file:${dir}/b.db`, LOG_LEVEL: "error", ...LOAD_ENV }, repoRoot);
const server = await startServer(config, { log: { info() {}, warn() {}, error: console.error } });
stats.clear();
const bodies: Record<string, (i: number) => unknown> = {
  callbacks: (i) => ({ name: `Shopper ${i}`, phone: "+14155550123", when: "asap" }),
  messages: (i) => ({ name: `Shopper ${i}`, email: `s${i}@example.com`, message: "Do you ship to Canada?" }),
};
let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < total) {
    const i = next++;
    const res = await fetch(`${server.url}/api/v1/sites/demo/${kind}`, { method: "POST", headers: { "Content-Type": "text/plain", Origin: config.publicUrl }, body: JSON.stringify(bodies[kind]!(i)) });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
}));
const wall = performance.now() - t0;
await server.close();
let sum = 0;
for (const s of stats.values()) sum += s.ms;
console.info(`${total} ${kind} at ${concurrency}: ${(total / (wall / 1000)).toFixed(0)} req/s; SQL ${(sum / total).toFixed(2)} ms per request`);
for (const [sql, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
  console.info(`${(s.ms / total).toFixed(3).padStart(7)} ms/req  ×${(s.n / total).toFixed(2)}  ${sql.replace(/\s+/g, " ").slice(0, 200)}`);
}
process.exit(0);
