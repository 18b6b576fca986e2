import { describe, expect, it } from "vitest";
import { controlFor, errorAt, fieldId, unplacedErrors } from "./field-errors.ts";

describe("settings field errors", () => {
  it("derives one id per path", () => {
    expect(fieldId("hours.mon.0.to")).toBe("s-hours-mon-0-to");
    expect(fieldId("accent")).toBe("s-accent");
  });

  it("finds an error at a path, or inside it when asked", () => {
    const errors = { "allowedOrigins.2": "Use an origin", accent: "too pale" };
    expect(errorAt(errors, "accent")).toBe("too pale");
    expect(errorAt(errors, "allowedOrigins")).toBeUndefined();
    expect(errorAt(errors, "allowedOrigins", true)).toBe("Use an origin");
  });

  it("shows an error at its own control, else the nearest enclosing one", () => {
    const ids = new Set(["s-allowedOrigins", "s-hours-mon-0", "s-hours-mon-0-to"]);
    const exists = (id: string) => ids.has(id);
    expect(controlFor("allowedOrigins.2", exists)).toBe("s-allowedOrigins");
    expect(controlFor("hours.mon.0", exists)).toBe("s-hours-mon-0");
    expect(controlFor("hours.mon.0.to", exists)).toBe("s-hours-mon-0-to");
    expect(controlFor("timezone", exists)).toBeUndefined();
  });

  it("lists what no control can show, for the section's message", () => {
    const exists = (id: string) => id === "s-accent";
    expect(unplacedErrors({ accent: "x", "autoReply.body": "Unknown variable", body: "Send JSON" }, exists)).toEqual([
      "autoReply.body: Unknown variable",
      "Send JSON",
    ]);
  });
});
