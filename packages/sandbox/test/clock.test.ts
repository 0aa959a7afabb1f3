import { describe, expect, it } from "vitest";
import { isoMicros, isoMillis, isoSeconds } from "../src/clock.js";

// isoMillis formats by arithmetic: it must give exactly what `Date#toISOString` gives.
describe("isoMillis", () => {
  it.each([
    { given: 0 },
    { given: -1 },
    { given: 1 },
    { given: -0 },
    { given: 86_399_999 },
    { given: -86_400_000 },
    { given: Date.UTC(2024, 1, 29, 23, 59, 59, 999) },
    { given: Date.UTC(2025, 11, 31, 0, 0, 0, 7) },
    { given: Date.UTC(9999, 11, 31, 23, 59, 59, 999) },
    { given: Date.UTC(10000, 0, 1) },
    { given: Date.UTC(-1, 5, 15, 12, 30, 45, 50) },
    { given: 8.64e15 },
    { given: -8.64e15 },
    { given: 1_700_000_000_123.9 },
    { given: -1_700_000_000_123.9 },
  ])("$given as Date#toISOString writes it", ({ given }) => {
    expect(isoMillis(given)).toBe(new Date(given).toISOString());
  });

  it("agrees with Date#toISOString over two years of seeded-looking times, many on one day", () => {
    const start = Date.UTC(2024, 0, 1);
    for (let time = start; time < start + 730 * 86_400_000; time += 7_777_777) expect(isoMillis(time)).toBe(new Date(time).toISOString());
  });

  it.each([{ given: Number.NaN }, { given: 8.64e15 + 1 }, { given: Number.POSITIVE_INFINITY }])(
    "refuses $given as Date does",
    ({ given }) => {
      expect(() => isoMillis(given)).toThrow(RangeError);
    },
  );

  it.each([
    { given: Date.UTC(2024, 2, 14, 9, 21, 7, 318), want: { seconds: "2024-03-14T09:21:07Z", micros: "2024-03-14T09:21:07.318204Z" } },
  ])("isoSeconds and isoMicros cut it: $want.seconds", ({ given, want }) => {
    expect(isoSeconds(given)).toBe(want.seconds);
    expect(isoMicros(given, 204)).toBe(want.micros);
  });
});
