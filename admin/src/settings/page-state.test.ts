import { describe, expect, it } from "vitest";
import { dirtySections, mergeContributions, withDraft } from "./page-state.ts";
import type { SiteSettings } from "./types.ts";

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

  it("keeps both sections' consent edits: call-backs and messages share one consent object", () => {
    const off = { required: false, text: "" };
    const saved = { consent: { callback: off, message: off, chat: off } } as unknown as SiteSettings;
    const callback = { required: true, text: "You may call and text me." };
    const message = { required: true, text: "You may email me." };
    const merged = mergeContributions(
      [
        { update: { settings: { consent: { ...saved.consent, callback } } } },
        { update: { settings: { consent: { ...saved.consent, message } } } },
      ],
      saved,
    );
    expect(merged).toEqual({ update: { settings: { consent: { callback, message, chat: off } } } });
  });
});
