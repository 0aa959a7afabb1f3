import { defineConfig } from "vitest/config";

// Sized for a machine under load (two cores shared with other builds): the sandbox's tests do
// real I/O (loopback sockets, child processes), and nothing in them measures speed.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000, teardownTimeout: 60_000 } });
