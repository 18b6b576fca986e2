import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["contract/**/*.test.ts", "server/**/*.test.ts", "widget/**/*.test.ts", "admin/**/*.test.ts", "deploy/**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**"],
    testTimeout: 20_000,
    // Waiting is not timing: polls may take long on a busy machine; the test timeout still bounds them.
    expect: { poll: { timeout: 10_000 } },
  },
});
