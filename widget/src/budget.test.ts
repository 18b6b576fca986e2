// Budgets are tests: these run against the minified bundle that ships, not the sources.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildWidget, GZIP_BUDGET } from "../build.mjs";
import { QUEUE_STUB } from "./snippet.ts";

const dir = mkdtempSync(join(tmpdir(), "beckon-widget-"));
const outfile = join(dir, "widget.js");
let size: Awaited<ReturnType<typeof buildWidget>>;
let code: string;

beforeAll(async () => {
  size = await buildWidget({ outfile });
  code = readFileSync(outfile, "utf8");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bare global object with just enough of a browser for widget.js to start and ask for its config. */
function sandbox(answer: { status: number; body: unknown }) {
  const script = { src: "https://beckon.example/widget.js", getAttribute: (n: string) => ({ "data-site": "demo" })[n] ?? null };
  const fetch = vi.fn(async (_url: string) => ({ ok: answer.status < 300, status: answer.status, json: async () => answer.body }));
  const warn = vi.fn();
  const context: Record<string, unknown> = {
    document: { currentScript: script, querySelector: () => null },
    console: { warn },
    fetch,
    URL,
    AbortController,
    setTimeout,
    clearTimeout,
  };
  context.window = context;
  vm.createContext(context);
  return { context, fetch, warn, before: new Set(Object.keys(context)), run: (source: string) => vm.runInContext(source, context) };
}

describe("widget.js as shipped", () => {
  it(`stays within ${GZIP_BUDGET} B gzip`, () => {
    expect(size.gzip).toBeGreaterThan(1000);
    expect(size.gzip).toBeLessThanOrEqual(GZIP_BUDGET);
  });

  it("is one ASCII-only IIFE (served without a charset, it must not depend on one)", () => {
    expect(code.trim()).toMatch(/^(?:"use strict";)?\(\(\)=>\{[\s\S]*\}\)\(\);$/);
    expect(code).toMatch(/^[\x00-\x7f]*$/);
    // Strict CSP: no eval-like code, no inline style strings, no !important.
    expect(code).not.toMatch(/\beval\(|new Function|!important|setAttribute\("style"/);
  });

  it("defines no global but Beckon, runs queued commands past a bad one, and stands down when loaded twice", async () => {
    const page = sandbox({ status: 404, body: { error: { code: "unknown_site", message: "No such site." } } });
    page.run(`${QUEUE_STUB} Beckon('nonsense'); Beckon('on', 'ready', function () {}); Beckon('open', 'callback');`);
    page.run(code);
    const installed = page.context.Beckon as { loaded?: boolean };
    expect(installed.loaded).toBe(true);
    expect(page.warn).toHaveBeenCalledWith("Beckon:", 'unknown command "nonsense"');

    page.run(code); // the snippet pasted twice
    expect(page.context.Beckon).toBe(installed);
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(page.fetch).toHaveBeenCalledTimes(1);
    expect(page.fetch.mock.calls[0]?.[0]).toBe("https://beckon.example/api/v1/sites/demo/config");
    // An unknown site renders nothing (this document could not even create an element) and warns once.
    expect(page.warn.mock.calls.filter(([m]) => String(m).includes("not shown"))).toHaveLength(1);
    const added = Object.keys(page.context).filter((k) => !page.before.has(k));
    expect(added).toEqual(["Beckon"]);
  });
});
