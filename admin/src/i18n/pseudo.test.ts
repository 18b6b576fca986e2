import { afterEach, describe, expect, it } from "vitest";
import { formatDateTime, formatNumber } from "../ui/format.ts";
import { wantsPseudo } from "./pseudo-switch.ts";
import { setPseudoLocale, t, tCount, tParts } from "./t.ts";

/** A Storage stand-in: a Map with Storage's three methods. */
const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};

describe("the pseudo-locale", () => {
  afterEach(() => setPseudoLocale(false));

  it("wraps every catalog text and every formatted date or number in markers", () => {
    setPseudoLocale(true);
    expect(t("inbox.title")).toBe("⟦Inbox⟧");
    expect(tCount("privacy.years", 2)).toBe("⟦⟦2⟧ years without activity⟧");
    expect(formatNumber(1234)).toMatch(/^⟦.+⟧$/);
    expect(formatDateTime("2026-11-23T15:00:00Z", "UTC", "en-GB")).toBe("⟦Mon 23 Nov, 15:00⟧");
    // A sentence with markup inside: the markers open before its first part and close after its last.
    expect(tParts("install.paste3", { link: "LINK" })).toEqual(["⟦", "Optionally, lock the widget to your shop's address (below, or under ", "LINK", ").", "⟧"]);
  });

  it("is off unless asked for; ?pseudo=1 turns it on and is remembered, ?pseudo=0 turns it off", () => {
    const storage = memory();
    expect(wantsPseudo("", storage)).toBe(false);
    expect(wantsPseudo("?pseudo=1", storage)).toBe(true);
    expect(wantsPseudo("?status=new", storage)).toBe(true);
    expect(wantsPseudo("?pseudo=0", storage)).toBe(false);
    expect(t("inbox.title")).toBe("Inbox");
  });
});
