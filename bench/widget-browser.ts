// The widget as a shopper's browser sees it, against a bare Preact reference (bench/reference-widget.ts)
// in the same run: Debian's Chromium, a real Beckon server (`npm start`'s path: tsx, the built widget),
// and a small page server of our own for the two host pages. Prints medians of N interleaved runs:
//   launcher visible   ms from navigation start to the launcher on screen (first and second page view)
//   click → field      ms from the click on the launcher to the first form field on screen (laid out and not
//                      hidden by `visibility`: a panel drawn hidden on intent counts once shown); cold = a new
//                      browser profile, clicked as soon as the launcher shows; warm = a second page view,
//                      the pointer rested on the launcher for 500 ms first
//   long tasks         count and total ms (PerformanceObserver 'longtask') over both page views and opens
//   panel on a plain view  whether widget-panel.js was requested by a page view nobody touched (3 s)
// and the bytes of widget.js, the panel and the config on the wire, with and without compression.
// LONG_TASKS=1 lists every long task: which view, when (loading, idle after load, after the hover, the
// click), and the scripts of the long animation frame around it. Needs `npm run build` first.
// Run: npx tsx bench/widget-browser.ts [runs=7]
import { chromium, type Browser, type Page } from "@playwright/test";
import { build } from "esbuild";
import { createServer, request as httpRequest } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort } from "../server/test/server-process.ts";
import { startWidgetBenchServer } from "./widget-bench-server.ts";

const runs = Number(process.argv[2] ?? 7);
const server = await startWidgetBenchServer("beckon-widget-bench-");

// The two host pages and the reference script, served like the widget: gzip, 5 minutes' cache.
const reference = (await build({ entryPoints: [path.join(import.meta.dirname, "reference-widget.ts")], bundle: true, minify: true, write: false, format: "iife", target: "es2020" })).outputFiles[0]!.contents;
const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A shop</title></head><body><h1>A small shop</h1><p>Plants and pots.</p>${body}</body></html>`;
const files: Record<string, { type: string; body: Uint8Array }> = {
  "/shop.html": { type: "text/html", body: Buffer.from(page(`<script src="${server.url}/widget.js" data-site="bench" async></script>`)) },
  "/reference.html": { type: "text/html", body: Buffer.from(page(`<script src="/reference.js" async></script>`)) },
  "/reference.js": { type: "text/javascript", body: reference },
};
const pagesPort = await freePort();
const pages = createServer((req, res) => {
  const file = files[req.url ?? ""];
  if (!file) return res.writeHead(404).end();
  const gzip = /gzip/.test(String(req.headers["accept-encoding"]));
  res.writeHead(200, { "Content-Type": file.type, "Cache-Control": "public, max-age=300", ...(gzip && { "Content-Encoding": "gzip" }) });
  res.end(gzip ? gzipSync(file.body) : file.body);
}).listen(pagesPort, "127.0.0.1");
const pagesUrl = `http://127.0.0.1:${pagesPort}`;

// In every page, before its scripts: when the launcher and the first form field are first on screen
// (checked each frame), when the click happened, and the long tasks.
// A string, not a function: tsx would wrap a function's inner functions in helpers the page does not have.
const probe = `(() => {
  const p = (window.__probe = { launcherAt: 0, hoverAt: 0, clickAt: 0, fieldAt: 0, longTasks: [], longAt: [], frames: [] });
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (p.longTasks.push(Math.round(e.duration)), p.longAt.push(Math.round(e.startTime))))).observe({ type: "longtask", buffered: true });
    // Long animation frames say which scripts ran in them (for LONG_TASKS=1).
    new PerformanceObserver((list) => list.getEntries().forEach((e) => p.frames.push({ start: Math.round(e.startTime), duration: Math.round(e.duration), styleLayout: Math.round(e.startTime + e.duration - (e.styleAndLayoutStart || e.startTime + e.duration)), scripts: e.scripts.map((s) => \`\${s.invoker} \${(s.sourceURL || "").replace(/^.*\\//, "").replace(/\\?.*/, "")} \${Math.round(s.duration)} ms\`) }))).observe({ type: "long-animation-frame", buffered: true });
  } catch {}
  addEventListener("pointerover", (e) => void (p.hoverAt ||= e.timeStamp), true);
  // On screen: laid out, and not hidden by visibility (a panel drawn ahead of the click, hidden, is not shown).
  const shown = (el) => !!el && el.getBoundingClientRect().width > 0 && el.checkVisibility({ visibilityProperty: true });
  const frame = () => {
    const root = document.querySelector("beckon-widget")?.shadowRoot ?? document.getElementById("ref");
    if (!p.launcherAt && shown(root?.querySelector(".launcher"))) p.launcherAt = performance.now();
    if (p.clickAt && !p.fieldAt && shown(root?.querySelector('input:not([tabindex="-1"]),select,textarea'))) p.fieldAt = performance.now();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener("click", (e) => void (p.clickAt ||= e.timeStamp), true);
})();`;
type Frame = { start: number; duration: number; styleLayout: number; scripts: string[] };
type Probe = { launcherAt: number; hoverAt: number; clickAt: number; fieldAt: number; longTasks: number[]; longAt: number[]; frames: Frame[] };
/** One long task, told by when it began (before the launcher, before the pointer came, before the click, after it) and the long frame around it. */
const describe = (r: Probe, view: string) =>
  r.longTasks.map((duration, i) => {
    const at = r.longAt[i]!;
    const phase = at < r.launcherAt ? "loading" : r.hoverAt && at < r.hoverAt ? "idle after load" : r.clickAt && at >= r.clickAt - 1 ? "click" : r.hoverAt ? "after hover" : "idle after load";
    const frame = r.frames.find((f) => f.start <= at + 1 && f.start + f.duration >= at + duration - 1);
    return `${view}: ${duration} ms at ${at} ms (${phase})${frame ? `; its frame ${frame.duration} ms, style+layout ${frame.styleLayout} ms, ${frame.scripts.join(", ") || "no script"}` : ""}`;
  });
const read = (p: Page) => p.evaluate(() => (window as any).__probe as Probe);

/** One page view: goto, wait for the launcher; then open it (cold: at once; warm: after resting on it). */
async function view(p: Page, url: string, open: "cold" | "warm" | "no") {
  let panelRequested = false;
  p.on("request", (r) => void (r.url().includes("widget-panel.js") && (panelRequested = true)));
  await p.goto(url);
  await p.waitForFunction(() => (window as any).__probe.launcherAt > 0, null, { polling: 5 });
  const launcher = p.locator(".launcher");
  if (open === "warm") {
    await launcher.hover();
    await p.waitForTimeout(500);
  }
  if (open === "no") await p.waitForTimeout(3000);
  else {
    await launcher.click();
    await p.waitForFunction(() => (window as any).__probe.fieldAt > 0, null, { polling: 5 });
  }
  const r = await read(p);
  await p.close(); // nothing of this view (a proof of work being solved, say) may run on into the next
  return { launcher: r.launcherAt, click: r.fieldAt - r.clickAt, longTasks: r.longTasks, panelRequested, described: describe(r, open === "no" ? "untouched" : open) };
}

type Sample = { launcherCold: number; launcherWarm: number; clickCold: number; clickWarm: number; longTasks: number[]; panelOnPlainView: boolean; described: string[] };
async function sample(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext();
  await context.addInitScript({ content: probe });
  try {
    const first = await view(await context.newPage(), url, "cold");
    const second = await view(await context.newPage(), url, "warm");
    // A third view, untouched: is the panel fetched anyway? (A fresh profile, so the HTTP cache cannot hide it.)
    const plainContext = await browser.newContext();
    await plainContext.addInitScript({ content: probe });
    const plain = await view(await plainContext.newPage(), url, "no");
    await plainContext.close();
    return {
      launcherCold: first.launcher,
      launcherWarm: second.launcher,
      clickCold: first.click,
      clickWarm: second.click,
      longTasks: [...first.longTasks, ...second.longTasks, ...plain.longTasks],
      panelOnPlainView: plain.panelRequested,
      described: [...first.described, ...second.described, ...plain.described],
    };
  } finally {
    await context.close();
  }
}

/** The bytes of one response on the wire, as sent for `acceptEncoding` (node:http does not decompress). */
const wireBytes = (url: string, headers: Record<string, string>) =>
  new Promise<{ bytes: number; encoding: string }>((resolve, reject) =>
    httpRequest(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "none") }));
    })
      .on("error", reject)
      .end(),
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

try {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const targets = { beckon: `${pagesUrl}/shop.html`, reference: `${pagesUrl}/reference.html` };
  const samples: Record<keyof typeof targets, Sample[]> = { beckon: [], reference: [] };
  await sample(browser, targets.beckon); // warm-up: first compile of everything, not counted
  for (let i = 0; i < runs; i++) {
    const order = (i % 2 ? ["reference", "beckon"] : ["beckon", "reference"]) as (keyof typeof targets)[];
    for (const name of order) samples[name].push(await sample(browser, targets[name]));
  }
  await browser.close();

  const widget = await (await fetch(`${server.url}/widget.js`)).text();
  const panelFile = /widget-panel\.js\?v=[0-9a-f]+/.exec(widget)?.[0] ?? "widget-panel.js";
  const bytes: { name: string; plain: number; compressed: number; encoding: string }[] = [];
  for (const [name, url, extra] of [
    ["widget.js", `${server.url}/widget.js`, {}],
    ["widget-panel.js", `${server.url}/${panelFile}`, {}],
    ["config", `${server.url}/api/v1/sites/bench/config`, { Origin: pagesUrl }],
  ] as const) {
    const compressed = await wireBytes(url, { ...extra, "Accept-Encoding": "gzip, deflate, br, zstd" });
    const plain = await wireBytes(url, { ...extra });
    bytes.push({ name, plain: plain.bytes, compressed: compressed.bytes, encoding: compressed.encoding });
  }

  console.log(`\n${runs} runs each, medians; machine load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
  console.log("| | launcher visible, 1st view | launcher visible, 2nd view | click → first field, cold | click → first field, warm | long tasks (all runs) | panel fetched on an untouched view |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const name of ["reference", "beckon"] as const) {
    const s = samples[name];
    const tasks = s.flatMap((x) => x.longTasks);
    console.log(
      `| ${name === "beckon" ? "Beckon" : "bare Preact reference"} | ${ms(median(s.map((x) => x.launcherCold)))} | ${ms(median(s.map((x) => x.launcherWarm)))} | ${ms(median(s.map((x) => x.clickCold)))} | ${ms(median(s.map((x) => x.clickWarm)))} | ${tasks.length}${tasks.length ? ` (${tasks.reduce((a, b) => a + b, 0)} ms, longest ${Math.max(...tasks)} ms)` : ""} | ${s.filter((x) => x.panelOnPlainView).length}/${s.length} |`,
    );
  }
  // LONG_TASKS=1: every long task, with the view it was in, its phase and the scripts of its frame.
  if (process.env.LONG_TASKS)
    for (const name of ["reference", "beckon"] as const) for (const line of samples[name].flatMap((x) => x.described)) console.log(`${name} ${line}`);
  const ratio = (k: keyof Sample) => (median(samples.beckon.map((x) => x[k] as number)) / median(samples.reference.map((x) => x[k] as number))).toFixed(2);
  console.log(`\nBeckon / reference: launcher ${ratio("launcherCold")}× (1st view), ${ratio("launcherWarm")}× (2nd view)\n`);
  console.log("| response | plain | on the wire (encoding) |");
  console.log("| --- | --- | --- |");
  for (const b of bytes) console.log(`| ${b.name} | ${b.plain} B | ${b.compressed} B (${b.encoding}) |`);
  const sum = (k: "plain" | "compressed") => bytes.reduce((a, b) => a + b[k], 0);
  console.log(`| together | ${sum("plain")} B | ${sum("compressed")} B |`);
} finally {
  pages.close();
  await server.stop();
}
