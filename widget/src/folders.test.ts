// The folders are the bundles: src/loader/ is only widget.js, src/panel/ only widget-panel.js, src/shared/
// both. panel-host.ts is the one contract between loader and panel, so neither imports the other's folder.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : name.endsWith(".ts") ? [file] : [];
  });
}

/** The src/ folders (or top-level files) that files under `folder` import, by relative path. */
function importsOf(folder: string): string[] {
  return sources(path.join(src, folder)).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\bfrom\s*["'](\.[^"']+)["']/g)].map((m) => {
      const target = path.relative(src, path.resolve(path.dirname(file), m[1]!)).split(path.sep);
      return `${path.relative(src, file)} -> ${target[0]}`;
    }),
  );
}

const crossing = (folder: string, allowed: string[]) => importsOf(folder).filter((line) => !allowed.includes(line.split(" -> ")[1]!));

describe("widget folders", () => {
  it("the panel reaches the loader only through panel-host.ts", () => {
    expect(crossing("panel", ["panel", "shared", "panel-host.ts"])).toEqual([]);
  });

  it("the loader imports nothing of the panel's", () => {
    expect(crossing("loader", ["loader", "shared", "panel-host.ts"])).toEqual([]);
  });

  it("shared code needs neither", () => {
    expect(crossing("shared", ["shared"])).toEqual([]);
  });
});
