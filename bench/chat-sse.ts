// Live chat under load: 1,000 shoppers hold a chat stream open on one server process; the owner
// answers a sample of them and we time each answer from the owner's POST to the shopper's stream.
// Also reports the server's memory per idle stream (resident set size, read from /proc).
// Run: npx tsx bench/chat-sse.ts [clients=1000] [answers=300]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../server/src/server.ts";
import { LOAD_ENV } from "../server/test/load-env.ts";

const clients = Number(process.argv[2] ?? 1000);
const answers = Number(process.argv[3] ?? 300);
const port = 8796;
const base = `http://localhost:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "beckon-chat-bench-"));
const owner = { email: "bench@shop.example", password: "bench-password-1" };

// The server runs in its own process, as in production, so its memory is its own.
const server = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "server/src/index.ts")], {
  env: {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    OWNER_EMAIL: owner.email,
    OWNER_PASSWORD: owner.password,
    ...LOAD_ENV,
  },
  stdio: "ignore",
});
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;
const stop = () => {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
};

/** One JSON call; the answer's body is whatever that endpoint returns (a bench script trusts its own server). */
async function json(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ body: any; res: Response }> {
  const res = await fetch(base + url, { method, headers: { "Content-Type": "application/json", Origin: base, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return { body: res.status === 204 ? null : await res.json(), res };
}

for (let i = 0; ; i++) {
  if (await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false)) break;
  if (i > 300) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 100));
}

// Open chats, a few at a time.
type Chat = { id: string; token: string; lastEventId: number };
const chats: Chat[] = [];
for (let next = 0; next < clients; ) {
  const batch = Array.from({ length: Math.min(25, clients - next) }, () => next++);
  await Promise.all(
    batch.map(async (i) => {
      const token = randomBytes(24).toString("base64url");
      const { body } = await json("POST", "/api/v1/sites/demo/chats", { token, message: `Hello from shopper ${i}` });
      chats[i] = { id: body.id, token, lastEventId: body.lastEventId };
    }),
  );
}
await new Promise((r) => setTimeout(r, 1000));
const rssBefore = rssMb();

// One stream per shopper, each on its own socket (no keep-alive pooling), as browsers would be.
const waiting = new Map<string, (at: number) => void>();
const sockets: IncomingMessage[] = [];
await Promise.all(
  chats.map(
    (chat) =>
      new Promise<void>((ready, fail) => {
        const req = request(`${base}/api/v1/sites/demo/chats/${chat.id}/events?token=${chat.token}&lastEventId=${chat.lastEventId}`, { headers: { Origin: base }, agent: false });
        req.on("response", (res) => {
          sockets.push(res);
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            if (chunk.includes("event: ready")) ready();
            const marker = /bench-answer-([a-z0-9]+)/.exec(chunk)?.[1];
            if (marker) waiting.get(marker)?.(performance.now());
          });
        });
        req.on("error", fail);
        req.end();
      }),
  ),
);
await new Promise((r) => setTimeout(r, 2000));
const rssOpen = rssMb();

// The owner answers a sample of the chats, a few at a time, and we time each to its stream.
const { body: session, res: signedIn } = await json("POST", "/api/admin/session", owner);
const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
const ms: number[] = [];
for (let next = 0; next < answers; ) {
  const batch = Array.from({ length: Math.min(10, answers - next) }, () => next++);
  await Promise.all(
    batch.map(async (i) => {
      const chat = chats[(i * 7919) % chats.length]!;
      const marker = randomBytes(6).toString("hex");
      const delivered = new Promise<number>((resolve) => waiting.set(marker, resolve));
      const started = performance.now();
      await json("POST", `/api/admin/requests/${chat.id}/messages`, { text: `bench-answer-${marker}` }, { Cookie: cookie, "X-CSRF-Token": session.csrfToken });
      ms.push((await delivered) - started);
      waiting.delete(marker);
    }),
  );
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
console.info(`${clients} shoppers with an open chat stream on one server process (${process.platform}, ${(await import("node:os")).cpus().length} cores)`);
console.info(`owner answer → shopper's stream, ${answers} answers, 10 at a time: p50 ${pct(ms, 50).toFixed(1)} ms   p90 ${pct(ms, 90).toFixed(1)} ms   p99 ${pct(ms, 99).toFixed(1)} ms   max ${Math.max(...ms).toFixed(1)} ms`);
console.info(`server memory: ${rssBefore.toFixed(0)} MB before the streams, ${rssOpen.toFixed(0)} MB with ${clients} open: ${(((rssOpen - rssBefore) * 1024) / clients).toFixed(1)} KB per idle stream`);
for (const s of sockets) s.destroy();
stop();
process.exit(0);
