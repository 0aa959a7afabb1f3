import { defineConfig } from "vitest/config";

// Sized for a loaded two-core machine: tests wait on events, never on the clock, so a
// generous limit only decides how long a hung test takes to be reported.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
