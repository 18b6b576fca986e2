// Budgets are tests: these run against the minified bundles that ship, not the sources.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BUDGETS, buildWidget } from "../build.mjs";
import { QUEUE_STUB } from "@beckon/contract/snippet";

const dir = mkdtempSync(join(tmpdir(), "beckon-widget-"));
let size: Awaited<ReturnType<typeof buildWidget>>;
let loader: string;
let panel: string;

beforeAll(async () => {
  size = await buildWidget({ outdir: dir });
  loader = readFileSync(size.files.loader, "utf8");
  panel = readFileSync(size.files.panel, "utf8");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bare global object with just enough of a browser for widget.js to start and ask for its config. */
function sandbox(answer: { status: number; body: unknown }) {
  const script = { src: "https://beckon.example/widget.js", getAttribute: (n: string) => ({ "data-site": "demo" })[n] ?? null };
  const fetch = vi.fn(async (_url: string) => ({ ok: answer.status < 300, status: answer.status, json: async () => answer.body }));
  const warn = vi.fn();
  const context: Record<string, unknown> = {
    // Hidden, like a background tab: it draws no frames, so the config is asked for at once.
    document: { currentScript: script, querySelector: () => null, documentElement: { lang: "fr" }, hidden: true },
    navigator: { languages: ["de-DE", "en"] },
    URLSearchParams,
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

// Strict CSP: no eval-like code, no inline style strings. No !important except on our own :host, which
// holds the host element against the page's !important rules. Served without a charset, the files must
// not depend on one either.
const cspSafe = (code: string) => {
  expect(code).toMatch(/^[\x00-\x7f]*$/);
  expect(code.replace(/:host\{[^}]*\}/g, "")).not.toMatch(/\beval\(|new Function|!important|setAttribute\("style"/);
};

describe("the widget as shipped", () => {
  it(`keeps widget.js within ${BUDGETS.loader} B gzip, the panel with any one locale within ${BUDGETS.panel} B, all within ${BUDGETS.total} B`, () => {
    expect(Object.keys(size.locales)).toHaveLength(12);
    for (const [code, locale] of Object.entries(size.locales)) {
      expect(locale.gzip, code).toBeLessThan(2048); // each catalog is small
      expect(size.panelAlone.gzip + locale.gzip, code).toBeLessThanOrEqual(BUDGETS.panel);
    }
    expect(size.loader.gzip).toBeGreaterThan(1000);
    expect(size.loader.gzip).toBeLessThanOrEqual(BUDGETS.loader);
    expect(size.panel.gzip).toBeLessThanOrEqual(BUDGETS.panel);
    expect(size.total).toBeLessThanOrEqual(BUDGETS.total);
  });

  it("widget.js is one ASCII-only IIFE without Preact, that imports the panel by its content hash", () => {
    expect(loader.trim()).toMatch(/^(?:"use strict";)?\(\(\)=>\{[\s\S]*\}\)\(\);$/);
    cspSafe(loader);
    expect(loader).not.toMatch(/__H|preact/i); // Preact's hook slot and name: the UI lives in the panel
    // Every file of the build (panel, catalogs, phone chunk) is asked for with the hash of them all.
    expect(loader).toContain('"widget-panel.js"');
    expect(loader).toContain(`?v=${size.version}`);
    expect(size.version).toMatch(/^[0-9a-f]{10}$/);
    // A hostile page (`* { all: unset !important }`) must not hide or restyle the host.
    expect(loader).toContain(":host{all:initial!important;display:block!important}");
    expect(loader).toContain('createElement("beckon-widget")');
  });

  it("each catalog is a module of plain data, and the phone chunk is a module of its own, kept out of the panel", () => {
    for (const file of Object.values(size.files.locales)) expect(readFileSync(file, "utf8")).toMatch(/^export default \{[\s\S]*\};\n$/);
    expect(readFileSync(size.files.phone, "utf8")).toMatch(/AsYouType|as format/);
    expect(panel).not.toMatch(/AsYouType|countryCallingCodes/);
    expect(size.phone.gzip).toBeGreaterThan(size.panelAlone.gzip); // what the panel would have carried
  });

  it("the plain-JS SHA-256 is a module of its own, kept out of the panel", () => {
    const chunk = readFileSync(size.files.sha256, "utf8");
    cspSafe(chunk);
    expect(chunk).toMatch(/export\{\w+ as sha256\};?\s*$/);
    expect(panel).toContain('"widget-sha256.js"');
    expect(panel).not.toMatch(/1779033703|0x6a09e667|Uint32Array\(64\)/); // the hash's initial state and its table
    expect(size.sha256.gzip).toBeGreaterThan(300);
  });

  it("widget-panel.js is an ASCII-only ES module exporting mount", () => {
    cspSafe(panel);
    expect(panel).toMatch(/export\{\w+ as mount\};?\s*$/);
  });

  it("defines no global but Beckon, runs queued commands past a bad one, and stands down when loaded twice", async () => {
    const page = sandbox({ status: 404, body: { error: { code: "unknown_site", message: "No such site." } } });
    page.run(`${QUEUE_STUB} Beckon('nonsense'); Beckon('on', 'ready', function () {}); Beckon('open', 'callback'); Beckon('locale', 'ar');`);
    page.run(loader);
    const installed = page.context.Beckon as { loaded?: boolean };
    expect(installed.loaded).toBe(true);
    expect(page.warn).toHaveBeenCalledWith("Beckon:", 'unknown command "nonsense"');

    page.run(loader); // the snippet pasted twice
    expect(page.context.Beckon).toBe(installed);
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(page.fetch).toHaveBeenCalledTimes(1);
    // The server picks the language from what the page asked for, the shopper's languages and <html lang>.
    expect(page.fetch.mock.calls[0]?.[0]).toBe("https://beckon.example/api/v1/sites/demo/config?lang=ar&prefer=de-DE%2Cen%2Cfr");
    // An unknown site renders nothing (this document could not even create an element) and warns once.
    expect(page.warn.mock.calls.filter(([m]) => String(m).includes("not shown"))).toHaveLength(1);
    const added = Object.keys(page.context).filter((k) => !page.before.has(k));
    expect(added).toEqual(["Beckon"]);
  });
});
