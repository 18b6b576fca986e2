// Compiles the server to JavaScript for `npm run serve`: dist/index.js (the server) and dist/cli.js
// (`beckon`, the admin command line). Packages in node_modules stay external (installed with
// `npm ci --omit=dev`); our own workspaces (@beckon/contract) are bundled in.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(await readFile(here("./package.json"), "utf8"));
const outdir = here("./dist");

/**
 * Sources find files beside them with `new URL("../../drizzle", import.meta.url)`. In the bundle every
 * module shares one import.meta.url, so each source's own is rebuilt relative to the bundle: the paths
 * to drizzle/, widget/dist, admin/dist and demo-site/ keep working without the sources at run time.
 */
const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const relative = path.relative(outdir, args.path).split(path.sep).join("/");
      return { contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

/** Builds dist/index.js and dist/cli.js. */
export async function buildServer() {
  await build({
    entryPoints: { index: here("./src/index.ts"), cli: here("./src/cli/index.ts") },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith("@beckon/")).flatMap((name) => [name, `${name}/*`]),
    // Tells index.ts it runs compiled (`npm run serve`): one process per core by default.
    define: { "process.env.BECKON_COMPILED": '"1"' },
    plugins: [ownImportMetaUrl],
    sourcemap: true,
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  console.log("server built: dist/index.js, dist/cli.js");
}
