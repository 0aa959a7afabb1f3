import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests run git and node in temporary repositories.
    testTimeout: 30_000,
  },
});
