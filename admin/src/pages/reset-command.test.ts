import { describe, expect, it } from "vitest";
import { RESET_COMMAND } from "./reset-command.ts";

describe("RESET_COMMAND", () => {
  it("uses the installed `beckon` command, which a production install (no devDependencies) has", () => {
    expect(RESET_COMMAND).toBe("npx beckon reset-password you@example.com");
    expect(RESET_COMMAND).not.toMatch(/npm run|-w server/);
  });
});
