import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A cold Chromium start plus 21 operation pages: well under this on the 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
