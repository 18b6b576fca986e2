import { describe, expect, it } from "vitest";
import { demoOrigins } from "./sites.ts";

describe("the demo site's allowed origins", () => {
  it("are every loopback spelling of a local server's origin, with its port", () => {
    expect(demoOrigins("http://localhost:8787")).toEqual(["http://localhost:8787", "http://127.0.0.1:8787", "http://[::1]:8787"]);
    expect(demoOrigins("http://127.0.0.1:9000/")).toEqual(["http://localhost:9000", "http://127.0.0.1:9000", "http://[::1]:9000"]);
  });

  it("are the public origin alone on a real host", () => {
    expect(demoOrigins("https://beckon.shop.example")).toEqual(["https://beckon.shop.example"]);
  });
});
