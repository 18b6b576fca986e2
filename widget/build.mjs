// Builds the widget in two files and reports their sizes. Size is the widget's first goal, so the
// budgets are enforced here and in src/budget.test.ts.
//   dist/widget.js        the loader every page downloads: a minified IIFE, plain DOM, no Preact
//   dist/widget-panel.js  the panel (Preact + htm), an ES module the loader imports when it is needed
// The loader asks for the panel as `widget-panel.js?v=<hash of its bytes>`, so a cached loader never
// runs against a panel from another build.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Gzip budgets in bytes: the loader (the issue allows 12 KB; it aims for 4), the panel, and both together. */
export const BUDGETS = { loader: 5 * 1024, panel: 16 * 1024, total: 20 * 1024 };
/** The gzip budget of widget.js, in bytes. */
export const GZIP_BUDGET = BUDGETS.loader;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

const common = {
  bundle: true,
  minify: true,
  target: "es2020", // modern browsers: keeps ?., ?? and import() as written
  legalComments: "none",
  logLevel: "warning",
};

/**
 * Raw, gzip (level 9) and brotli (quality 11) bytes of a file. The compressed copies are written beside
 * it (`.gz`, `.br`): the server sends them as they are to clients that accept them.
 */
async function measure(file) {
  const code = await readFile(file);
  const gzip = gzipSync(code, { level: 9 });
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  await Promise.all([writeFile(`${file}.gz`, gzip), writeFile(`${file}.br`, brotli)]);
  return { bytes: code.length, gzip: gzip.length, brotli: brotli.length };
}

/** Builds widget.js and widget-panel.js into `outdir` and returns the size of each and the gzip total. */
export async function buildWidget({ outdir = here("./dist") } = {}) {
  const panelFile = path.join(outdir, "widget-panel.js");
  await build({ ...common, entryPoints: [here("./src/panel/index.ts")], outfile: panelFile, format: "esm" });
  const version = createHash("sha256").update(await readFile(panelFile)).digest("hex").slice(0, 10);
  const loaderFile = path.join(outdir, "widget.js");
  await build({
    ...common,
    entryPoints: [here("./src/loader/index.ts")],
    outfile: loaderFile,
    format: "iife", // no globalName: the bundle itself defines nothing; the code assigns window.Beckon
    define: { __PANEL_FILE__: JSON.stringify(`widget-panel.js?v=${version}`) },
  });
  const loader = await measure(loaderFile);
  const panel = await measure(panelFile);
  return { loader, panel, total: loader.gzip + panel.gzip, files: { loader: loaderFile, panel: panelFile } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await buildWidget();
  const line = (name, s, budget) => `${name.padEnd(16)} ${String(s.bytes).padStart(6)} B, gzip ${String(s.gzip).padStart(5)} B, brotli ${String(s.brotli).padStart(5)} B (budget ${budget} B gzip)`;
  console.log(line("widget.js", size.loader, BUDGETS.loader));
  console.log(line("widget-panel.js", size.panel, BUDGETS.panel));
  console.log(`${"together".padEnd(16)} gzip ${size.total} B (budget ${BUDGETS.total} B gzip)`);
  for (const [name, gzip, budget] of [
    ["widget.js", size.loader.gzip, BUDGETS.loader],
    ["widget-panel.js", size.panel.gzip, BUDGETS.panel],
    ["the two files together", size.total, BUDGETS.total],
  ]) {
    if (gzip > budget) {
      console.error(`${name} is over its gzip budget by ${gzip - budget} B`);
      process.exitCode = 1;
    }
  }
}
