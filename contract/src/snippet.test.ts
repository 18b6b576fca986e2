import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { embedSnippet, QUEUE_STUB } from "./snippet.ts";

describe("embedSnippet", () => {
  it("is the one tag a site owner pastes", () => {
    expect(embedSnippet("https://beckon.example/", "demo")).toBe('<script src="https://beckon.example/widget.js" data-site="demo" async></script>');
  });

  it("carries the launcher's colour and the owner's own label for the very first view", () => {
    expect(embedSnippet("https://beckon.example", "demo", { color: "#7a1fa2", label: "Ask Ann" })).toBe(
      '<script src="https://beckon.example/widget.js" data-site="demo" data-color="#7a1fa2" data-label="Ask Ann" async></script>',
    );
    expect(embedSnippet("https://beckon.example", "demo", { color: "#7a1fa2" })).toBe('<script src="https://beckon.example/widget.js" data-site="demo" data-color="#7a1fa2" async></script>');
    expect(embedSnippet("https://x.example", "demo", { label: 'a"b' })).toContain('data-label="a&quot;b"');
  });

  it("escapes attribute values", () => {
    expect(embedSnippet("https://x.example", '"><img onerror=1>')).toContain('data-site="&quot;&gt;&lt;img onerror=1&gt;"');
  });

  it("imports nothing, so the server can load it without the widget's dependencies", () => {
    expect(readFileSync(new URL("./snippet.ts", import.meta.url), "utf8")).not.toMatch(/^import /m);
  });
});

describe("QUEUE_STUB", () => {
  it("queues calls made before widget.js loads", () => {
    const window: Record<string, unknown> = {};
    new Function("window", `var Beckon; ${QUEUE_STUB.replace(/Beckon\.q/g, "window.Beckon.q")}`)(window);
    (window.Beckon as (...a: unknown[]) => void)("open", "callback");
    expect(Array.from((window.Beckon as { q: ArrayLike<unknown>[] }).q[0]!)).toEqual(["open", "callback"]);
  });
});
