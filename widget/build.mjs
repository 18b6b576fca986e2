// Bundles src/index.ts into dist/widget.js (a minified IIFE) and reports its size. Size is the
// widget's first goal, so the budget is enforced here and in src/budget.test.ts.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The gzip budget of widget.js, in bytes. */
export const GZIP_BUDGET = 12 * 1024;

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Builds widget.js and returns its size: raw, gzip (level 9) and brotli (quality 11) bytes. */
export async function buildWidget({ outfile = here("./dist/widget.js") } = {}) {
  await build({
    entryPoints: [here("./src/index.ts")],
    outfile,
    bundle: true,
    format: "iife", // no globalName: the bundle itself defines nothing; the code assigns window.Beckon
    minify: true,
    target: "es2020", // modern browsers: keeps ?. and ?? as written
    legalComments: "none",
    logLevel: "warning",
  });
  const code = await readFile(outfile);
  return {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await buildWidget();
  console.log(`widget.js ${size.bytes} B, gzip ${size.gzip} B, brotli ${size.brotli} B (budget ${GZIP_BUDGET} B gzip)`);
  if (size.gzip > GZIP_BUDGET) {
    console.error(`widget.js is over its gzip budget by ${size.gzip - GZIP_BUDGET} B`);
    process.exitCode = 1;
  }
}
