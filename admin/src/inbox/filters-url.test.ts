import { describe, expect, it } from "vitest";
import { filtersFromQuery, inboxHref, listPath } from "./filters-url.ts";

describe("inbox filters in the URL", () => {
  it("reads what the query asks for, defaulting to everything", () => {
    expect(filtersFromQuery(new URLSearchParams("status=done&q=fig+tree"))).toEqual({ status: "done", kind: "", q: "fig tree" });
    expect(filtersFromQuery(new URLSearchParams(""))).toEqual({ status: "", kind: "", q: "" });
  });
  it("writes only the filters that are set, and round-trips", () => {
    expect(inboxHref("demo", { status: "", kind: "", q: "" })).toBe("/admin/sites/demo");
    const href = inboxHref("demo", { status: "new", kind: "callback", q: "Jane & co" });
    expect(href).toBe("/admin/sites/demo?status=new&kind=callback&q=Jane+%26+co");
    expect(filtersFromQuery(new URL(href, "http://x").searchParams)).toEqual({ status: "new", kind: "callback", q: "Jane & co" });
  });
  it("carries 'asked again' and 'waiting longest' (issue #12)", () => {
    const href = inboxHref("demo", { status: "", kind: "", q: "", repeat: "1", sort: "waiting" });
    expect(href).toBe("/admin/sites/demo?repeat=1&sort=waiting");
    expect(filtersFromQuery(new URL(href, "http://x").searchParams)).toEqual({ status: "", kind: "", q: "", repeat: "1", sort: "waiting" });
  });
  it("builds the API path of a page, with the cursor", () => {
    expect(listPath("my shop", { status: "", kind: "message", q: "" })).toBe("/sites/my%20shop/requests?kind=message");
    expect(listPath("demo", { status: "", kind: "", q: "" }, "1700000000000:r1")).toBe("/sites/demo/requests?before=1700000000000%3Ar1");
  });
});
