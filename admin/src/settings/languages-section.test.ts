import { describe, expect, it } from "vitest";
import { withoutEmpty } from "./languages-section.ts";

describe("per-language texts", () => {
  it("saves only the fields written, so an empty one falls back to the main text", () => {
    expect(
      withoutEmpty({
        de: { greeting: "Hallo!", privacyLine: " ", consent: { callback: "", chat: "Ja, gern." }, autoReply: { subject: "", body: "" } },
        fr: { greeting: "" },
      }),
    ).toEqual({ de: { greeting: "Hallo!", consent: { chat: "Ja, gern." } } });
  });
});
