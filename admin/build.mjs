// Bundles the owner inbox (src/main.ts) into dist/admin.js and copies its stylesheet to dist/admin.css.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

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
  await copyFile(here("./src/admin.css"), here("./dist/admin.css"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAdmin();
  console.log("admin built: dist/admin.js, dist/admin.css");
}
