import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LOOK, forgetLook, readLook, saveLook, scriptLook } from "./config-cache.ts";

const g = globalThis as { localStorage?: unknown };
afterEach(() => delete g.localStorage);

const memoryStorage = () => {
  const items = new Map<string, string>();
  let writes = 0;
  g.localStorage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => (writes++, items.set(k, v)), removeItem: (k: string) => items.delete(k) };
  return { items, writes: () => writes };
};

describe("the launcher's look from the snippet", () => {
  it("takes data-color and data-label over the defaults, and ignores a colour that is not #rrggbb", () => {
    const base = { site: "demo", api: "https://beckon.example" };
    expect(scriptLook({ ...base, color: "#7A1FA2", label: "Ask Ann" })).toEqual({ ...DEFAULT_LOOK, accent: "#7A1FA2", launcherLabel: "Ask Ann" });
    expect(scriptLook({ ...base, color: "red", label: "" })).toEqual(DEFAULT_LOOK);
    expect(scriptLook(base)).toEqual(DEFAULT_LOOK);
  });
});

describe("the launcher's saved look", () => {
  it("round-trips the launcher's part of the config under the site's own key, with a version", () => {
    const storage = memoryStorage();
    expect(readLook("demo")).toBeNull();
    saveLook("demo", { launcherLabel: "Ask us", accent: "#7a1fa2", position: "left" });
    expect([...storage.items.keys()]).toEqual(["beckon:demo:config"]);
    expect(JSON.parse(storage.items.get("beckon:demo:config")!)).toEqual({ v: 1, launcherLabel: "Ask us", accent: "#7a1fa2", position: "left" });
    expect(readLook("demo")).toEqual({ v: 1, launcherLabel: "Ask us", accent: "#7a1fa2", position: "left" });
    expect(readLook("other")).toBeNull();
    saveLook("demo", { launcherLabel: "Ask us", accent: "#7a1fa2", position: "left" });
    expect(storage.writes()).toBe(1); // unchanged: not written again
    forgetLook("demo");
    expect(readLook("demo")).toBeNull();
  });

  it("reads another version, junk or a bad colour as nothing, and survives storage that throws", () => {
    const storage = memoryStorage();
    for (const junk of ["{", "null", "7", '{"v":2,"launcherLabel":"x","accent":"#123456"}', '{"v":1,"launcherLabel":"x","accent":"red;x"}']) {
      storage.items.set("beckon:demo:config", junk);
      expect(readLook("demo"), junk).toBeNull();
    }
    g.localStorage = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); }, removeItem: () => { throw new Error("denied"); } };
    expect(readLook("demo")).toBeNull();
    expect(() => saveLook("demo", { launcherLabel: "x", accent: "#123456", position: "right" })).not.toThrow();
    expect(() => forgetLook("demo")).not.toThrow();
    delete g.localStorage; // no storage at all (some sandboxed frames)
    expect(readLook("demo")).toBeNull();
  });
});
