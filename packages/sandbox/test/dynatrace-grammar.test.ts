import { describe, expect, it } from "vitest";
import { DEFAULT_FIELDS, parseFields } from "../src/vendors/dynatrace/fields.js";
import { parseSelector } from "../src/vendors/dynatrace/selector.js";
import type { DynatraceToken } from "../src/vendors/dynatrace/store.js";
import { parseTimeExpression } from "../src/vendors/dynatrace/time-expression.js";

// Wednesday 2025-01-15 10:30:45.500 UTC.
const NOW = Date.UTC(2025, 0, 15, 10, 30, 45, 500);

describe("parseTimeExpression", () => {
  const table: { given: string; want: number | undefined }[] = [
    { given: "1735603200000", want: 1735603200000 },
    { given: "0", want: 0 },
    { given: "2021-01-25T05:57:01.123+01:00", want: Date.UTC(2021, 0, 25, 4, 57, 1, 123) },
    { given: "2021-01-25 05:57", want: Date.UTC(2021, 0, 25, 5, 57) },
    { given: "2021-01-25T05:57:01Z", want: Date.UTC(2021, 0, 25, 5, 57, 1) },
    { given: "2021-01-25T05:57:01.123456789-0230", want: Date.UTC(2021, 0, 25, 8, 27, 1, 123) },
    { given: "now-1d", want: NOW - 86_400_000 },
    { given: "now+14d", want: NOW + 14 * 86_400_000 },
    { given: "now-2h", want: NOW - 2 * 3_600_000 },
    { given: "now-1M", want: Date.UTC(2024, 11, 15, 10, 30, 45, 500) },
    { given: "now-1y/w", want: Date.UTC(2024, 0, 15) },
    { given: "now-1d/d", want: Date.UTC(2025, 0, 14) },
    { given: "now-0m/h", want: Date.UTC(2025, 0, 15, 10) },
    { given: "now+1M/M", want: Date.UTC(2025, 1, 1) },
    { given: "now-1y/y", want: Date.UTC(2024, 0, 1) },
    { given: "now", want: undefined },
    { given: "now/d", want: undefined },
    { given: "2021-01-25", want: undefined },
    { given: "yesterday", want: undefined },
    { given: "2021-13-45T00:00", want: undefined },
  ];
  it.each(table)("$given", ({ given, want }) => {
    expect(parseTimeExpression(given, NOW)).toBe(want);
  });
});

describe("parseFields", () => {
  const table: { given: string; want: string[] | RegExp }[] = [
    { given: "+scopes,+expirationDate", want: [...DEFAULT_FIELDS, "scopes", "expirationDate"] },
    { given: "-owner,-creationDate", want: ["name", "enabled"] },
    { given: "+scopes,-name", want: ["enabled", "owner", "creationDate", "scopes"] },
    { given: "creationDate,expirationDate,owner", want: ["creationDate", "expirationDate", "owner"] },
    { given: "id", want: [] },
    { given: "name,+scopes", want: /mixes/ },
    { given: " scopes", want: /%2B/ },
    { given: "token", want: /unknown field "token"/ },
  ];
  it.each(table)("$given", ({ given, want }) => {
    const parsed = parseFields(given);
    if (want instanceof RegExp) expect(parsed).toMatch(want);
    else expect([...(parsed as Set<string>)].sort()).toEqual([...want].sort());
  });
});

describe("parseSelector", () => {
  const token = (over: Partial<DynatraceToken>) =>
    ({ owner: "john.smith", personalAccessToken: false, scopes: ["metrics.read"], ...over }) as DynatraceToken;
  const table: { given: string; matches: Partial<DynatraceToken>[]; misses: Partial<DynatraceToken>[] }[] = [
    { given: 'owner("john.smith")', matches: [{}], misses: [{ owner: "John.Smith" }] },
    { given: "personalAccessToken(true)", matches: [{ personalAccessToken: true }], misses: [{}] },
    { given: 'scope("logs.read","metrics.read")', matches: [{}, { scopes: ["logs.read"] }], misses: [{ scopes: ["slo.read"] }] },
    {
      given: 'owner("john.smith"), personalAccessToken(false), scope("metrics.read")',
      matches: [{}],
      misses: [{ owner: "x" }, { personalAccessToken: true }, { scopes: [] }],
    },
  ];
  it.each(table)("$given", ({ given, matches, misses }) => {
    const selector = parseSelector(given);
    if (typeof selector === "string") throw new Error(selector);
    for (const over of matches) expect(selector(token(over))).toBe(true);
    for (const over of misses) expect(selector(token(over))).toBe(false);
  });
  it.each(["owner(john)", "personalAccessToken(maybe)", "scope()", 'owner("a","b")', 'name("x")', 'owner("a") trailing'])(
    "refuses %s",
    (given) => {
      expect(typeof parseSelector(given)).toBe("string");
    },
  );
});
