// Profiles Beckon's call-back intake: runs the compiled server under `node --cpu-prof`, sends call-backs
// at a fixed concurrency over loopback, stops the server (the profile is written on exit), and prints
// where the CPU went: self time by package/file and the hottest functions.
// Needs `npm run build`. Run: npx tsx bench/profile-intake.ts [requests=3000] [concurrency=10] [path=callbacks]
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../server/src/server.ts";
import { LOAD_ENV } from "../server/test/load-env.ts";
import { summarizeProfile } from "./cpu-profile.ts";

const total = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 10);
const kind = process.argv[4] ?? "callbacks";
const port = Number(process.env.BENCH_PORT ?? 8799);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "beckon-profile-"));
const server = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "server/dist/index.js"], {
  cwd: repoRoot,
  env: { PATH: process.env.PATH, PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: `http://localhost:${port}`, DATABASE_URL: `file:${dir}/beckon.db`, WEB_CONCURRENCY: "1", LOG_LEVEL: "error", ...LOAD_ENV },
  stdio: "inherit",
});
for (let i = 0; i < 300 && !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));

const bodies: Record<string, (i: number) => unknown> = {
  callbacks: (i) => ({ name: `Shopper ${i}`, phone: "+14155550123", when: "asap" }),
  messages: (i) => ({ name: `Shopper ${i}`, email: `s${i}@example.com`, message: "Do you ship to Canada?" }),
};
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < total) {
    const i = next++;
    const res = await fetch(`${base}/api/v1/sites/demo/${kind}`, { method: "POST", headers: { "Content-Type": "text/plain", Origin: `http://localhost:${port}` }, body: JSON.stringify(bodies[kind]!(i)) });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
}));
console.info(`${total} ${kind} at ${concurrency}: ${(total / ((performance.now() - started) / 1000)).toFixed(0)} req/s`);
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
console.info(`profile: ${path.join(dir, file)}`);
summarizeProfile(JSON.parse(readFileSync(path.join(dir, file), "utf8")), repoRoot);
