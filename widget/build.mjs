// Builds the widget and reports its sizes. Size is the widget's first goal, so the budgets are
// enforced here and in src/budget.test.ts.
//   dist/widget.js             the loader every page downloads: a minified IIFE, plain DOM, no Preact
//   dist/widget-panel.js       the panel (Preact + htm), an ES module the loader imports when it is needed
//   dist/widget-locale-<l>.js  one catalog each (widget/locales/<l>.json as a module), loaded with the panel
//   dist/widget-phone.js       libphonenumber-js, imported by the call-back form on first focus of the phone
//   dist/widget-pow.js         the proof of work's solver, imported when a form first asks for a proof
//   dist/widget-sha256.js      plain-JS SHA-256, imported by the solver only where crypto.subtle is missing
//   dist/widget-chat-extras.js "Email me this chat" and the rating, imported when a started chat is shown
//   dist/widget-files.js       attaching files to a chat line or a message, imported on the first press of "Attach"
//   dist/widget-files-locale-<l>.js  the `files.*` keys of each catalog, loaded with widget-files.js (not with the panel)
// The loader asks for each as `<file>?v=<hash of all of them>`, so a cached loader never runs against a
// panel or catalog from another build.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Gzip budgets in bytes: the loader (the issue allows 12 KB; it aims for 4), the panel with its largest
 * catalog (what a shopper who opens it downloads), and the two together with the loader.
 */
export const BUDGETS = { loader: 5 * 1024, panel: 18 * 1024, total: 23 * 1024 };
/** The gzip budget of widget.js, in bytes. */
export const GZIP_BUDGET = BUDGETS.loader;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// htm's "mini" build parses a template on each render instead of caching it: 174 B less gzip in the panel,
// for a few microseconds per render of templates this small.
const htmMini = {
  name: "htm-mini",
  setup(b) {
    b.onResolve({ filter: /^htm$/ }, ({ kind, resolveDir }) => b.resolve("htm/mini", { kind, resolveDir }));
  },
};

// The panel's htm templates are written indented; htm drops whitespace that holds a line break at
// either end of a text and HTML collapses the rest, so a line break followed by indentation can be just the
// line break. Applied to the widget's own sources only, whose other multi-line strings (the CSS) are not
// indented: about 1 KB less raw in the panel. The stylesheets (`export const … = \`…\`` in *styles.ts) are
// written one rule a line; CSS needs none of those line breaks.
const unindent = {
  name: "unindent",
  setup(b) {
    b.onLoad({ filter: /widget[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let contents = (await readFile(args.path, "utf8")).replace(/\n[ \t]+/g, "\n");
      if (/styles\.ts$/.test(args.path)) contents = contents.replace(/(= `)([^`]*)`/g, (_, start, css) => `${start}${css.replace(/\n/g, "")}\``);
      return { contents, loader: "ts" };
    });
  },
};

const common = {
  bundle: true,
  plugins: [htmMini, unindent],
  minify: true,
  target: "es2022", // modern browsers: keeps ?., ??, import() and class fields as written (no __publicField helper)
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

// The launcher's own words reach the loader with the config (server/src/sites/widget-config.ts reads
// them from widget/locales), so the panel's catalogs leave them out.
const LOADER_ONLY = new Set(["launcher", "loadFailed"]);

/** The locales with a catalog in widget/locales/, English first. */
export async function localeCodes() {
  const files = await readdir(here("./locales"));
  return files.filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
}

/**
 * Builds every file into `outdir` and returns their sizes: `panel` is the panel with its largest catalog
 * (what the budget holds), `panelAlone` the panel by itself, `locales` each catalog, `phone` and `sha256` the lazy chunks.
 */
export async function buildWidget({ outdir = here("./dist") } = {}) {
  await mkdir(outdir, { recursive: true });
  const panelFile = path.join(outdir, "widget-panel.js");
  await build({ ...common, entryPoints: [here("./src/panel/index.ts")], outfile: panelFile, format: "esm" });
  const phoneFile = path.join(outdir, "widget-phone.js");
  await build({ ...common, entryPoints: [here("./src/panel/phone/phone-chunk.ts")], outfile: phoneFile, format: "esm" });
  const powFile = path.join(outdir, "widget-pow.js");
  await build({ ...common, entryPoints: [here("./src/panel/pow/solver.ts")], outfile: powFile, format: "esm" });
  const sha256File = path.join(outdir, "widget-sha256.js");
  await build({ ...common, entryPoints: [here("./src/panel/sha256.ts")], outfile: sha256File, format: "esm" });
  const extrasFile = path.join(outdir, "widget-chat-extras.js");
  await build({ ...common, entryPoints: [here("./src/panel/extras/chat-extras.ts")], outfile: extrasFile, format: "esm" });
  const filesFile = path.join(outdir, "widget-files.js");
  await build({ ...common, entryPoints: [here("./src/panel/files/files-chunk.ts")], outfile: filesFile, format: "esm" });
  // A catalog is plain data: its JSON as the default export of a module (modules are always read as UTF-8).
  // The `files.*` words are only wanted with the files chunk: they go in a catalog of their own.
  const localeFiles = {};
  const filesLocaleFiles = {};
  for (const code of await localeCodes()) {
    const words = Object.entries(JSON.parse(await readFile(here(`./locales/${code}.json`), "utf8")));
    const pick = (keep) => JSON.stringify(Object.fromEntries(words.filter(([key]) => keep(key))));
    localeFiles[code] = path.join(outdir, `widget-locale-${code}.js`);
    await writeFile(localeFiles[code], `export default ${pick((key) => !key.startsWith("files.") && !LOADER_ONLY.has(key))};\n`);
    filesLocaleFiles[code] = path.join(outdir, `widget-files-locale-${code}.js`);
    await writeFile(filesLocaleFiles[code], `export default ${pick((key) => key.startsWith("files."))};\n`);
  }
  const hash = createHash("sha256");
  for (const file of [panelFile, phoneFile, powFile, sha256File, extrasFile, filesFile, ...Object.values(localeFiles), ...Object.values(filesLocaleFiles)]) hash.update(await readFile(file));
  const version = hash.digest("hex").slice(0, 10);
  const loaderFile = path.join(outdir, "widget.js");
  await build({
    ...common,
    entryPoints: [here("./src/loader/index.ts")],
    outfile: loaderFile,
    format: "iife", // no globalName: the bundle itself defines nothing; the code assigns window.Beckon
    define: { __WIDGET_VERSION__: JSON.stringify(version) },
  });
  const loader = await measure(loaderFile);
  const panelAlone = await measure(panelFile);
  const phone = await measure(phoneFile);
  const pow = await measure(powFile);
  const sha256 = await measure(sha256File);
  const extras = await measure(extrasFile);
  const filesChunk = await measure(filesFile);
  const filesLocales = {};
  for (const [code, file] of Object.entries(filesLocaleFiles)) filesLocales[code] = await measure(file);
  const locales = {};
  for (const [code, file] of Object.entries(localeFiles)) locales[code] = await measure(file);
  const largest = Object.values(locales).reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const panel = { bytes: panelAlone.bytes + largest.bytes, gzip: panelAlone.gzip + largest.gzip, brotli: panelAlone.brotli + largest.brotli };
  return {
    loader,
    panel,
    panelAlone,
    locales,
    phone,
    pow,
    sha256,
    extras,
    filesChunk,
    filesLocales,
    version,
    total: loader.gzip + panel.gzip,
    files: { loader: loaderFile, panel: panelFile, phone: phoneFile, pow: powFile, sha256: sha256File, extras: extrasFile, files: filesFile, locales: localeFiles, filesLocales: filesLocaleFiles },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await buildWidget();
  const line = (name, s, budget) =>
    `${name.padEnd(22)} ${String(s.bytes).padStart(6)} B, gzip ${String(s.gzip).padStart(5)} B, brotli ${String(s.brotli).padStart(5)} B${budget ? ` (budget ${budget} B gzip)` : ""}`;
  console.log(line("widget.js", size.loader, BUDGETS.loader));
  console.log(line("widget-panel.js", size.panelAlone));
  for (const [code, s] of Object.entries(size.locales)) console.log(line(`widget-locale-${code}.js`, s));
  console.log(line("panel + largest locale", size.panel, BUDGETS.panel));
  console.log(line("widget-phone.js", size.phone) + " (lazy, on first focus of the phone field)");
  console.log(line("widget-pow.js", size.pow) + " (lazy, when a form first asks for a proof)");
  console.log(line("widget-sha256.js", size.sha256) + " (lazy, only without crypto.subtle)");
  console.log(line("widget-chat-extras.js", size.extras) + " (lazy, when a started chat is shown)");
  console.log(line("widget-files.js", size.filesChunk) + " (lazy, on the first press of Attach)");
  const filesWords = Object.values(size.filesLocales).reduce((a, b) => (b.gzip > a.gzip ? b : a));
  console.log(line("largest files locale", filesWords) + " (lazy, with widget-files.js)");
  console.log(`${"together".padEnd(22)} gzip ${size.total} B (budget ${BUDGETS.total} B gzip)`);
  for (const [name, gzip, budget] of [
    ["widget.js", size.loader.gzip, BUDGETS.loader],
    ["widget-panel.js with its largest locale", size.panel.gzip, BUDGETS.panel],
    ["the loader, panel and a locale together", size.total, BUDGETS.total],
  ]) {
    if (gzip > budget) {
      console.error(`${name} is over its gzip budget by ${gzip - budget} B`);
      process.exitCode = 1;
    }
  }
}
