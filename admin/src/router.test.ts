import { describe, expect, it } from "vitest";
import { matchPath } from "./router.ts";

describe("matchPath", () => {
  it("reads named params and decodes them", () => {
    expect(matchPath("/admin/sites/:site/requests/:id", "/admin/sites/my%20shop/requests/r_1")).toEqual({ site: "my shop", id: "r_1" });
  });
  it("refuses paths of another shape", () => {
    expect(matchPath("/admin/sites/:site", "/admin/sites/demo/settings")).toBeNull();
    expect(matchPath("/admin/sites/:site/settings", "/admin/sites/demo/install")).toBeNull();
    expect(matchPath("/admin/sites/:site", "/admin/sites/")).toBeNull();
  });
});
