import { describe, expect, it, vi } from "vitest";
import { panelLoader } from "./panel-loader.ts";

const URL = "https://beckon.example/widget-panel.js?v=abc";

describe("panelLoader", () => {
  it("imports the panel once, however often it is asked for", async () => {
    const mount = vi.fn();
    const importPanel = vi.fn(async () => ({ mount }));
    const load = panelLoader(URL, importPanel);
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(mount);
    expect(a).toBe(mount);
    expect(b).toBe(mount);
    expect(importPanel).toHaveBeenCalledOnce();
    expect(importPanel).toHaveBeenCalledWith(URL);
  });

  it("after a failure, tries again with a new URL (browsers remember a module that failed)", async () => {
    const mount = vi.fn();
    const importPanel = vi.fn().mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module")).mockResolvedValue({ mount });
    const load = panelLoader(URL, importPanel);
    await expect(load()).rejects.toThrow(/Failed to fetch/);
    expect(await load()).toBe(mount);
    expect(importPanel.mock.calls).toEqual([[URL], [`${URL}&retry=1`]]);
  });
});
