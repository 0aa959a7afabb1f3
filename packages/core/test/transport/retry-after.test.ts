import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../../src/transport/retry-after.js";

const NOW = Date.parse("2026-11-23T12:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    { given: { "retry-after": "2" }, want: 2_000 },
    { given: { "retry-after": "0" }, want: 0 },
    { given: { "retry-after": "Mon, 23 Nov 2026 12:00:30 GMT" }, want: 30_000 },
    { given: { "retry-after": "Mon, 23 Nov 2026 11:00:00 GMT" }, want: 0 },
    { given: { "retry-after-ms": "250", "retry-after": "9" }, want: 250 },
    { given: { "retry-after-ms": "12.5" }, want: 13 },
    { given: { "retry-after": "soon" }, want: undefined },
    { given: { "retry-after-ms": "-1" }, want: undefined },
    { given: {}, want: undefined },
  ])("$given → $want", ({ given, want }) => {
    expect(retryAfterMs(new Headers(given), NOW)).toBe(want);
  });
});
