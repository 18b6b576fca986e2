import { describe, expect, it } from "vitest";
import { matchAnswers, slashToken } from "./saved-answer-picker.ts";

describe("saved answer picker", () => {
  it("opens only for / at the start of a word", () => {
    expect(slashToken("/hou", 4)).toEqual({ start: 0, query: "hou" });
    expect(slashToken("Thanks! /Ret", 12)).toEqual({ start: 8, query: "ret" });
    expect(slashToken("and/or", 6)).toBeNull();
    expect(slashToken("/hours now", 10)).toBeNull();
  });
  it("puts shortcuts starting with the query first, then other matches", () => {
    const answers = [
      { id: 1, shortcut: "opening-hours", body: "9-5" },
      { id: 2, shortcut: "hours", body: "9-5" },
      { id: 3, shortcut: "returns", body: "30 days" },
    ];
    expect(matchAnswers(answers, "hou").map((a) => a.shortcut)).toEqual(["hours", "opening-hours"]);
    expect(matchAnswers(answers, "days").map((a) => a.shortcut)).toEqual(["returns"]);
    expect(matchAnswers(answers, "")).toHaveLength(3);
  });
});
