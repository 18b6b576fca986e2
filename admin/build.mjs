// Bundles the owner inbox (src/main.ts) into dist/admin.js and joins src/styles/*.css into dist/admin.css,
// each with gzip and brotli copies beside it (.gz, .br) that the server sends to clients that accept them.
import { build } from "esbuild";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Builds dist/admin.js (an ES module, minified) and dist/admin.css. */
export async function buildAdmin() {
  await mkdir(here("./dist"), { recursive: true });
  await build({
    entryPoints: [here("./src/main.ts")],
    outfile: here("./dist/admin.js"),
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    legalComments: "none",
    logLevel: "warning",
  });
  // One stylesheet, from src/styles/*.css in name order (base first): no CSS build step needed.
  const files = (await readdir(here("./src/styles"))).filter((f) => f.endsWith(".css")).sort();
  const css = await Promise.all(files.map((f) => readFile(here(`./src/styles/${f}`), "utf8")));
  await writeFile(here("./dist/admin.css"), css.join("\n"));
  // The installable app's files, served as they are: manifest, service worker, offline page, icons.
  await cp(here("./public"), here("./dist/public"), { recursive: true });
  for (const file of [here("./dist/admin.js"), here("./dist/admin.css")]) {
    const code = await readFile(file);
    await writeFile(`${file}.gz`, gzipSync(code, { level: 9 }));
    await writeFile(`${file}.br`, brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAdmin();
  console.log("admin built: dist/admin.js, dist/admin.css (+ .gz, .br)");
}
