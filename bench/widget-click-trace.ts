// Where a click on the launcher spends its time before the first form field is on screen: a Chromium
// trace (Debian's Chromium, headless) of one cold and one warm click on the bench's shop page, the same
// page and server as bench/widget-browser.ts. Prints, between the click and the frame with the field:
// the main thread's top-level tasks (script evaluation, compile, style, layout, paint) with their script
// URL, and the requests made; with `cpu`, instead, the JavaScript functions by self time (V8's sampling
// profiler over the same window). Needs `npm run build` first.
// Run: npx tsx bench/widget-click-trace.ts [cold|warm|both] [cpu]
import { chromium, type Page } from "@playwright/test";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { freePort } from "../server/test/server-process.ts";
import { startWidgetBenchServer } from "./widget-bench-server.ts";
import { summarizeProfile, type CpuProfile } from "./cpu-profile.ts";

const which = process.argv[2] ?? "both";
const cpu = process.argv[3] === "cpu";
const server = await startWidgetBenchServer("beckon-click-trace-");
const shop = Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A shop</title></head><body><h1>A small shop</h1><script src="${server.url}/widget.js" data-site="bench" async></script></body></html>`);
const pagesPort = await freePort();
const pages = createServer((req, res) => {
  if (req.url !== "/shop.html") return res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }).end(gzipSync(shop));
}).listen(pagesPort, "127.0.0.1");

// Marks the click and the first frame with a form field on screen, as user timing (they land in the trace).
const probe = `(() => {
  let clicked = false, seen = false;
  addEventListener("click", () => { if (!clicked) { clicked = true; performance.mark("beckon-click"); } }, true);
  const frame = () => {
    const root = document.querySelector("beckon-widget")?.shadowRoot;
    const field = root?.querySelector('input:not([tabindex="-1"]),select,textarea');
    if (clicked && !seen && field && field.getBoundingClientRect().width > 0 && field.checkVisibility({ visibilityProperty: true })) { seen = true; performance.mark("beckon-field"); }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; cat: string; args?: { data?: Record<string, unknown>; [k: string]: unknown } };

const CATEGORIES = ["devtools.timeline", "v8.execute", "v8", "blink.user_timing", "loading", "disabled-by-default-devtools.timeline", "blink", "disabled-by-default-v8.cpu_profiler"];

async function traceClick(page: Page, warm: boolean) {
  const browser = page.context().browser()!;
  await page.goto(`http://127.0.0.1:${pagesPort}/shop.html`);
  const launcher = page.locator("beckon-widget .launcher");
  await launcher.waitFor();
  if (warm) {
    await launcher.hover();
    await page.waitForTimeout(500);
  }
  await page.evaluate(() => 0); // Playwright's own page script, injected now rather than inside the window
  if (cpu) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const t = Date.now();
    await launcher.click();
    await page.waitForFunction(() => performance.getEntriesByName("beckon-field").length > 0, null, { polling: 5 });
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
    const shown = await page.evaluate(() => performance.getEntriesByName("beckon-field")[0]!.startTime - performance.getEntriesByName("beckon-click")[0]!.startTime);
    console.info(`\n== ${warm ? "warm" : "cold"} click: ${shown.toFixed(1)} ms to the first field (profiled ${Date.now() - t} ms) ==`);
    for (const node of profile.nodes) node.callFrame.url = node.callFrame.url.replace(/^http:\/\/127\.0\.0\.1:\d+\//, "").replace(/\?v=\w+/, "");
    return summarizeProfile(profile, "", 30);
  }
  await browser.startTracing(page, { categories: CATEGORIES });
  await launcher.click();
  await page.waitForFunction(() => performance.getEntriesByName("beckon-field").length > 0, null, { polling: 5 });
  await page.waitForTimeout(50);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes("blink.user_timing"))!;
  const click = mark("beckon-click");
  const field = mark("beckon-field");
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === click.pid)!;
  const at = (ts: number) => `${((ts - click.ts) / 1000).toFixed(1).padStart(6)} ms`;
  console.info(`\n== ${warm ? "warm" : "cold"} click: ${((field.ts - click.ts) / 1000).toFixed(1)} ms to the first field ==`);
  // Top-level tasks of the page's main thread in the window, and what ran inside them.
  const inWindow = events.filter((e) => e.pid === click.pid && e.tid === main.tid && e.ph === "X" && e.ts + (e.dur ?? 0) >= click.ts && e.ts <= field.ts);
  const tasks = inWindow.filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask");
  const detail = (e: TraceEvent) => {
    const d = e.args?.data ?? {};
    return [d.url, d.functionName, d.type, d.fileName].filter(Boolean).join(" ").replace(/^http:\/\/127\.0\.0\.1:\d+\//, "").slice(0, 90);
  };
  for (const task of tasks.filter((t) => (t.dur ?? 0) >= 500)) {
    console.info(`${at(task.ts)}  task ${((task.dur ?? 0) / 1000).toFixed(1)} ms`);
    const inner = inWindow.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && (e.dur ?? 0) >= Number(process.env.MIN_US ?? 300) && !/RunTask|ThreadController|Scheduler/.test(e.name));
    for (const e of inner.slice(0, Number(process.env.MAX_LINES ?? 14))) console.info(`            ${at(e.ts)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${detail(e)}`);
  }
  // JavaScript by self time inside the window, from the sampling profiler's chunks in the same trace.
  const nodes = new Map<number, { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>();
  const self = new Map<string, number>();
  const start = events.find((e) => e.name === "Profile" && e.pid === click.pid && e.tid === main.tid);
  let t = Number((start?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  for (const chunk of events.filter((e) => e.name === "ProfileChunk" && e.pid === click.pid && (e as { id?: string }).id === (start as { id?: string } | undefined)?.id)) {
    const data = chunk.args!.data as { cpuProfile: { nodes?: { id: number; callFrame: never }[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile.nodes ?? []) nodes.set(n.id, n);
    (data.cpuProfile.samples ?? []).forEach((id, i) => {
      const delta = data.timeDeltas?.[i] ?? 0;
      t += delta;
      if (t < click.ts || t > field.ts) return;
      const f = nodes.get(id)?.callFrame;
      const key = f ? `${f.functionName || "(anonymous)"} ${(f.url ?? "").replace(/^http:\/\/127\.0\.0\.1:\d+\//, "").replace(/\?v=\w+/, "")}:${(f.lineNumber ?? -1) + 1}` : "?";
      self.set(key, (self.get(key) ?? 0) + delta);
    });
  }
  if (self.size) {
    console.info("  JavaScript self time in the window (sampled):");
    for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.info(`    ${(us / 1000).toFixed(1).padStart(6)} ms  ${k}`);
  }
  const sends = events.filter((e) => e.name === "ResourceSendRequest" && e.ts >= click.ts - 300_000 && e.ts <= field.ts);
  for (const s of sends) {
    const id = s.args?.data?.requestId;
    const done = events.find((e) => e.name === "ResourceFinish" && e.args?.data?.requestId === id);
    console.info(`  request ${at(s.ts)} → ${done ? at(done.ts) : "   (after)"}  ${String(s.args?.data?.url).replace(/^http:\/\/127\.0\.0\.1:\d+\//, "")}`);
  }
}

try {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  for (const warm of which === "both" ? [false, true] : [which === "warm"]) {
    const context = await browser.newContext();
    await context.addInitScript({ content: probe });
    // A first view in the same profile (a warm click is a second page view, as in widget-browser.ts).
    if (warm) {
      const first = await context.newPage();
      await first.goto(`http://127.0.0.1:${pagesPort}/shop.html`);
      await first.locator("beckon-widget .launcher").click();
      await first.waitForFunction(() => performance.getEntriesByName("beckon-field").length > 0, null, { polling: 5 });
      await first.close();
    }
    await traceClick(await context.newPage(), warm);
    await context.close();
  }
  await browser.close();
} finally {
  pages.close();
  await server.stop();
}
