import { describe, expect, it } from "vitest";
import { readOptions } from "./options.ts";

const tag = (src: string, attributes: Record<string, string>) => ({ src, getAttribute: (name: string) => attributes[name] ?? null });

describe("readOptions", () => {
  it("takes the API from the script's own origin", () => {
    expect(readOptions(tag("https://beckon.example/widget.js?v=1", { "data-site": "demo" }))).toEqual({ site: "demo", api: "https://beckon.example", lang: null, color: null, label: null });
  });

  it("lets data-api override it", () => {
    expect(readOptions(tag("https://cdn.example/w.js", { "data-site": "demo", "data-api": "https://api.example/" }))).toEqual({
      site: "demo",
      api: "https://api.example",
      lang: null,
      color: null,
      label: null,
    });
  });

  it("reads the page's language from data-lang", () => {
    expect(readOptions(tag("https://beckon.example/widget.js", { "data-site": "demo", "data-lang": "de" }))).toMatchObject({ lang: "de" });
  });

  it("reads the launcher's first look from data-color and data-label", () => {
    expect(readOptions(tag("https://beckon.example/widget.js", { "data-site": "demo", "data-color": "#7a1fa2", "data-label": "Ask Ann" }))).toMatchObject({ color: "#7a1fa2", label: "Ask Ann" });
  });

  it("explains what is missing", () => {
    expect(readOptions(null)).toMatch(/data-site/);
    expect(readOptions(tag("https://beckon.example/widget.js", {}))).toMatch(/data-site/);
    expect(readOptions(tag("", { "data-site": "demo" }))).toMatch(/data-api/);
  });
});
