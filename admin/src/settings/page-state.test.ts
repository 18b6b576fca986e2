import { describe, expect, it } from "vitest";
import { dirtySections, mergeContributions, withDraft } from "./page-state.ts";

describe("the settings page state", () => {
  it("keeps an edit until it is put back to the saved value", () => {
    const one = withDraft({}, "site.name", "New name", "Old name");
    expect(one).toEqual({ "site.name": "New name" });
    expect(withDraft(one, "site.name", "Old name", "Old name")).toEqual({});
    // Nothing changes: the same object, so re-setting a value costs no render.
    expect(withDraft(one, "site.name", "New name", "Old name")).toBe(one);
    const none = {};
    expect(withDraft(none, "hours.hours", { mon: [] }, { mon: [] })).toBe(none);
  });

  it("knows which sections have unsaved edits", () => {
    expect([...dirtySections({ "site.name": 1, "site.phone": 2, "hours.timezone": "UTC" })]).toEqual(["site", "hours"]);
  });

  it("merges every section into one update, or returns every error found before asking", () => {
    expect(
      mergeContributions([
        { update: { name: "Shop" } },
        { update: { settings: { greeting: "Hi" } } },
        { update: { settings: { timezone: "Europe/Paris" } } },
      ]),
    ).toEqual({ update: { name: "Shop", settings: { greeting: "Hi", timezone: "Europe/Paris" } } });
    expect(mergeContributions([{ update: { name: "Shop" } }, { reject: { awayUntil: "Choose a time in the future." } }])).toEqual({
      reject: { awayUntil: "Choose a time in the future." },
    });
  });
});
