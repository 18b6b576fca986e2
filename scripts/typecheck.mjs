// `npm run typecheck`: checks every package with its own tsconfig (DOM types only where there is a DOM),
// two at a time, and fails if any of them has an error. Each keeps a .tsbuildinfo under
// node_modules/.cache/tsc, so a second run only rechecks what changed.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Each project, the biggest first so the slow one starts at once. */
const PROJECTS = ["server/tsconfig.json", "bench/tsconfig.json", "widget/tsconfig.json", "admin/tsconfig.json", "contract/tsconfig.json", "e2e/tsconfig.json", "tsconfig.tests.json"];
const PARALLEL = 2;
const cache = `${root}node_modules/.cache/tsc`;
mkdirSync(cache, { recursive: true });

function check(project) {
  const info = `${cache}/${project.replaceAll("/", "_")}.tsbuildinfo`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", project, "--noEmit", "--incremental", "--tsBuildInfoFile", info], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ project, code, out }));
  });
}

const queue = [...PROJECTS];
const results = [];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const result = await check(project);
      results.push(result);
      process.stdout.write(`${result.code === 0 ? "ok  " : "FAIL"} ${project}\n${result.out}`);
    }
  }),
);
if (results.some((r) => r.code !== 0)) process.exitCode = 1;
