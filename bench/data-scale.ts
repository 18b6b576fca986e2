// The data-scale run: Beckon (compiled, one process) on a database seeded with a million requests across
// 1,000 sites by one SQL script (bench/seed-scale.sql), then: the owner's inbox, request and customer APIs
// (p50 and bytes per page), the public call-back against its time on an empty database, and widget.js,
// config and /healthz while the heaviest owner page loads in a loop.
// Needs `npm run build`. Run: npx tsx bench/data-scale.ts [requests=1000000] [sites=1000]
import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closedLoop, fetchRetrying, pct } from "./load.ts";
import { loadAverage, startBeckon } from "./processes.ts";

const OWNER = { email: "bench-owner@example.com", password: "bench owner password" };

export type ScaleRow = { name: string; p50: number; max: number; bytes: number };
export type ScaleResult = {
  requests: number;
  sites: number;
  seedSeconds: number;
  dbMegabytes: number;
  owner: ScaleRow[];
  callbackEmptyP50: number;
  callbackFullP50: number;
  heaviest: string;
  duringHeaviest: { name: string; p50: number; p99: number; max: number }[];
  load: string;
};

/** Seeds, measures and prints; returns the figures for the summary table. */
export async function runDataScale(opts: { requests: number; sites: number; port: number }): Promise<ScaleResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "beckon-scale-"));
  const db = path.join(dir, "scale.db");
  const env = { OWNER_EMAIL: OWNER.email, OWNER_PASSWORD: OWNER.password };
  try {
    // 1. An empty database: migrate, create the owner, and time the public call-back there.
    let server = await startBeckon({ port: opts.port, db, env });
    const callback = (site: string) => async (i: number) => {
      const res = await fetchRetrying(`${server.base}/api/v1/sites/${site}/callbacks`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ name: `Probe ${i}`, phone: "+14155550123", when: "asap" }) });
      if (res.status !== 201) throw new Error(`callback: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    await closedLoop(1, 50, callback("demo"));
    const callbackEmptyP50 = (await closedLoop(1, 200, callback("demo"))).p50;
    await server.stop();

    // 2. The seed: one SQL script, one transaction.
    const customers = Math.max(opts.sites, Math.round(opts.requests / 5 / opts.sites) * opts.sites);
    const heavy = Math.min(2000, Math.floor(opts.requests / 100));
    const script = readFileSync(new URL("./seed-scale.sql", import.meta.url), "utf8")
      .replaceAll("{{REQUESTS}}", String(opts.requests))
      .replaceAll("{{SITES}}", String(opts.sites))
      .replaceAll("{{CUSTOMERS}}", String(customers))
      .replaceAll("{{HEAVY}}", String(heavy))
      .replaceAll("{{HEAVY_EVERY}}", String(Math.floor(opts.requests / heavy)))
      .replaceAll("{{T0}}", String(Date.now() - opts.requests * 30_000))
      .replaceAll("{{OWNER_EMAIL}}", OWNER.email);
    console.info(`seeding ${opts.requests.toLocaleString("en")} requests across ${opts.sites} sites…`);
    const seeding = performance.now();
    const client = createClient({ url: `file:${db}` });
    await seedBulk(client, script);
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    client.close();
    const seedSeconds = (performance.now() - seeding) / 1000;
    const dbMegabytes = statSync(db).size / 1e6;
    console.info(`seeded in ${seedSeconds.toFixed(0)} s; database ${dbMegabytes.toFixed(0)} MB`);

    // 3. The owner's pages at that size.
    server = await startBeckon({ port: opts.port, db, env });
    const signIn = await fetchRetrying(`${server.base}/api/admin/session`, { method: "POST", headers: { "Content-Type": "application/json", Origin: `http://localhost:${opts.port}` }, body: JSON.stringify(OWNER) });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const owner = async (p: string) => {
      const res = await fetchRetrying(`${server.base}/api/admin${p}`, { headers: { Cookie: cookie, Origin: `http://localhost:${opts.port}` } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p}: ${res.status} ${Buffer.from(body).toString()}`);
      return { bytes: body.byteLength, json: JSON.parse(Buffer.from(body).toString()) as Record<string, unknown> };
    };
    const first = await owner("/sites/scale-1/requests");
    const cursor = encodeURIComponent(String(first.json.nextCursor));
    const heavyId = 100 + customers + 1; // customer ids start at 101 (seed-scale.sql)
    const heavyFirst = await owner(`/customers/${heavyId}`);
    const pages: [string, string][] = [
      ["inbox, big shop (first page)", "/sites/scale-1/requests"],
      ["inbox, next page (cursor)", `/sites/scale-1/requests?before=${cursor}`],
      ["inbox, status = new", "/sites/scale-1/requests?status=new"],
      ["inbox, kind = message", "/sites/scale-1/requests?kind=message"],
      ["inbox, Spam view", "/sites/scale-1/requests?status=spam"],
      ["inbox, search a name", `/sites/scale-1/requests?q=${encodeURIComponent("Shopper 3000")}`],
      ["inbox, search phone digits", `/sites/scale-1/requests?q=${encodeURIComponent("000 003")}`],
      ["inbox, search, no match", `/sites/scale-1/requests?q=${encodeURIComponent("zebra crossing")}`],
      ["inbox, small shop", "/sites/scale-7/requests"],
      ["request detail", "/requests/seed-10"],
      ["customer (5 requests)", "/customers/106"],
      [`customer (${heavy} requests), first page`, `/customers/${heavyId}`],
      [`customer (${heavy} requests), next page`, `/customers/${heavyId}?before=${encodeURIComponent(String(heavyFirst.json.nextCursor))}`],
      ["site list (10 sites, open counts)", "/sites"],
    ];
    const ownerRows: ScaleRow[] = [];
    for (const [name, p] of pages) {
      let bytes = 0;
      await owner(p);
      const r = await closedLoop(1, 15, async () => void (bytes = (await owner(p)).bytes));
      ownerRows.push({ name, p50: r.p50, max: r.max, bytes });
    }
    const callbackFullP50 = (await closedLoop(1, 200, callback("scale-1"))).p50;

    // 4. The public side while the heaviest owner page loads, two at a time, for 5 s.
    const heaviest = ownerRows.reduce((a, b) => (b.p50 > a.p50 ? b : a));
    const heavyPath = pages.find(([n]) => n === heaviest.name)![1];
    let loading = true;
    const hammer = Promise.all([0, 1].map(async () => {
      while (loading) await owner(heavyPath);
    }));
    const probes: [string, string][] = [["widget.js", "/widget.js"], ["config", "/api/v1/sites/scale-1/config"], ["/healthz", "/healthz"]];
    const seen = new Map<string, number[]>(probes.map(([n]) => [n, []]));
    const until = performance.now() + 5000;
    while (performance.now() < until) {
      for (const [name, p] of probes) {
        const t = performance.now();
        const res = await fetchRetrying(`${server.base}${p}`, { headers: { Origin: "https://shop.example" } });
        await res.arrayBuffer();
        seen.get(name)!.push(performance.now() - t);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    loading = false;
    await hammer;
    await server.stop();
    const duringHeaviest = [...seen].map(([name, xs]) => {
      xs.sort((a, b) => a - b);
      return { name, p50: pct(xs, 50), p99: pct(xs, 99), max: xs.at(-1)! };
    });
    const result = { requests: opts.requests, sites: opts.sites, seedSeconds, dbMegabytes, owner: ownerRows, callbackEmptyP50, callbackFullP50, heaviest: heaviest.name, duringHeaviest, load: loadAverage() };
    printScale(result);
    return result;
  } finally {
    // BENCH_KEEP_DB=1 keeps the seeded file for EXPLAIN QUERY PLAN and timings by hand.
    if (process.env.BENCH_KEEP_DB) console.info(`kept ${db}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the seed the way a bulk load should go: the requests' secondary indexes and the search index's
 * triggers are dropped first, the rows go in with one INSERT … SELECT, then each index is built once over
 * the whole table (sorted, not row by row) and the FTS5 search index is filled with one INSERT … SELECT,
 * as its migration does; then the triggers come back. The statements dropped and recreated are read from
 * the database itself, so the bench follows the migrations.
 */
async function seedBulk(client: Client, script: string) {
  const timed = async (what: string, run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    console.info(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const objects = (await client.execute(
    "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('requests', 'customers') AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' AND sql LIKE '%requests_search%'))",
  )).rows.map((r) => ({ type: String(r.type), name: String(r.name), sql: String(r.sql) }));
  const search = (await client.execute("SELECT sql FROM sqlite_master WHERE name = 'requests_search'")).rows[0];
  const bySite = objects.some((o) => o.name === "requests_search_insert" && o.sql.includes("<< 40"));
  await client.execute("PRAGMA cache_size = -262144");
  await timed("drop indexes and triggers", () => client.executeMultiple(objects.map((o) => `DROP ${o.type.toUpperCase()} "${o.name}";`).join("\n")));
  const [rows, after] = script.split("-- after indexes");
  await timed("rows (one INSERT … SELECT per table)", () => client.executeMultiple(rows!));
  await timed("indexes", () => client.executeMultiple(objects.filter((o) => o.type === "index").map((o) => `${o.sql};`).join("\n")));
  await timed("customer counts, members", () => client.executeMultiple(after!));
  if (search) {
    await timed("search index (FTS5, one INSERT … SELECT)", () =>
      client.execute(
        // The rowid as the insert trigger keys it: since migration requests_search_by_site the site, then the
        // request's rowid (before it, the request's rowid alone: BENCH_BECKON_ROOT may run older code).
        `INSERT INTO requests_search (rowid, body) SELECT ${bySite ? "(r.site_id << 40) + r.rowid" : "r.rowid"}, r.fields || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.phone, '') FROM requests r JOIN customers c ON c.id = r.customer_id ORDER BY ${bySite ? "r.site_id, " : ""}r.rowid`,
      ),
    );
  }
  await timed("triggers", () => client.executeMultiple(objects.filter((o) => o.type === "trigger").map((o) => `${o.sql};`).join("\n")));
}

export function printScale(r: ScaleResult) {
  console.info(`\nData scale: ${r.requests.toLocaleString("en")} requests across ${r.sites} sites (seeded in ${r.seedSeconds.toFixed(0)} s, ${r.dbMegabytes.toFixed(0)} MB); load average ${r.load}`);
  console.info("| owner API | p50 | max of 15 | bytes per page |\n| --- | --- | --- | --- |");
  for (const o of r.owner) console.info(`| ${o.name} | ${o.p50.toFixed(1)} ms | ${o.max.toFixed(1)} ms | ${(o.bytes / 1024).toFixed(1)} KB |`);
  console.info(`\nPublic call-back p50 (one at a time): empty database ${r.callbackEmptyP50.toFixed(1)} ms, at this size ${r.callbackFullP50.toFixed(1)} ms (${(r.callbackFullP50 / r.callbackEmptyP50).toFixed(2)}×)`);
  console.info(`While "${r.heaviest}" loads (two at a time, 5 s):`);
  for (const d of r.duringHeaviest) console.info(`  ${d.name.padEnd(10)} p50 ${d.p50.toFixed(1)} ms  p99 ${d.p99.toFixed(1)} ms  max ${d.max.toFixed(1)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runDataScale({ requests: Number(process.argv[2] ?? 1_000_000), sites: Number(process.argv[3] ?? 1000), port: Number(process.env.BENCH_PORT ?? 8799) });
}
