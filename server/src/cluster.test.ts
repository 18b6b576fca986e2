import { describe, expect, it } from "vitest";
import { availableParallelism } from "node:os";
import { processCount } from "./cluster.ts";
import { ConfigError, loadConfig } from "./env.ts";

describe("how many server processes", () => {
  it("uses WEB_CONCURRENCY when set, else every core for the compiled server and one for `npm start`", () => {
    expect(processCount(loadConfig({ WEB_CONCURRENCY: "3" }, "/").webConcurrency, false)).toBe(3);
    expect(processCount(loadConfig({}, "/").webConcurrency, true)).toBe(availableParallelism());
    expect(processCount(loadConfig({}, "/").webConcurrency, false)).toBe(1);
    expect(() => loadConfig({ WEB_CONCURRENCY: "0" }, "/")).toThrow(ConfigError);
  });
});
