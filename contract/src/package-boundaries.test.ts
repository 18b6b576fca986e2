// No package reaches into another's source: what the widget, the owner app and the server share lives here,
// in @beckon/contract, and is imported by its package name. This fails on any relative import that leaves its
// own package for another package's src/ (`../../../server/src/…`), in code or tests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGES = ["widget", "admin", "server", "contract"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) return [];
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [file] : [];
  });
}

/** Every `from "…"`, `import "…"` and `import("…")` specifier in a file. */
const specifiers = (code: string) => [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]!);

/** Imports in `pkg` that resolve into another package's src/. */
function crossings(pkg: string): string[] {
  return sources(path.join(root, pkg)).flatMap((file) =>
    specifiers(readFileSync(file, "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep))
      .filter(([top, dir]) => top !== pkg && PACKAGES.includes(top!) && dir === "src")
      .map((target) => `${path.relative(root, file)} -> ${target.join("/")}`),
  );
}

describe("package boundaries", () => {
  for (const pkg of ["widget", "admin", "server"]) {
    it(`${pkg} imports no other package's src/ (shared code comes from @beckon/contract)`, () => {
      expect(crossings(pkg)).toEqual([]);
    });
  }

  it("would notice a crossing", () => {
    expect(specifiers(`import type { X } from "../../../server/src/services/inbox.ts";\nconst m = await import("./x.ts");`)).toEqual([
      "../../../server/src/services/inbox.ts",
      "./x.ts",
    ]);
  });
});
