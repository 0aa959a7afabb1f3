import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { isSecret, Secret } from "../src/index.js";
import { redactedForm, toSecret } from "../src/secret.js";

const VALUE = "dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM";

describe("Secret", () => {
  const secret = new Secret(VALUE);

  it.each([
    { given: "String()", want: String(secret) },
    { given: "template literal", want: `${secret}` },
    { given: "concatenation", want: `${secret}` },
    { given: "JSON.stringify", want: JSON.stringify({ secret }) },
    { given: "util.inspect", want: inspect(secret) },
    { given: "util.inspect (nested)", want: inspect({ deep: { secret } }, { depth: 5 }) },
    { given: "console format", want: inspect([secret]) },
  ])("$given shows only the redacted form", ({ want }) => {
    expect(want).not.toContain(VALUE);
    expect(want).not.toContain(VALUE.slice(7));
    expect(want).toContain("dt0c01…");
  });

  it("reveals the value on request", () => {
    expect(secret.reveal()).toBe(VALUE);
  });

  it("does not expose the value as an enumerable property", () => {
    expect(Object.keys(secret)).toEqual([]);
    expect(Object.values(secret)).toEqual([]);
  });

  it("compares by value", () => {
    expect(secret.equals(VALUE)).toBe(true);
    expect(secret.equals(new Secret(VALUE))).toBe(true);
    expect(secret.equals(`${VALUE}x`)).toBe(false);
    expect(secret.equals("")).toBe(false);
  });

  it("refuses non-strings", () => {
    expect(() => new Secret(42 as unknown as string)).toThrow(TypeError);
  });
});

describe("redactedForm", () => {
  it.each([
    { given: "33769323-60b5-4acd-acb0-49fd1f3999b2", want: "337693…" },
    { given: "short-secret", want: "…" },
    { given: "", want: "…" },
  ])("$given → $want", ({ given, want }) => {
    expect(redactedForm(given)).toBe(want);
  });
});

describe("toSecret / isSecret", () => {
  it("wraps strings once", () => {
    const secret = toSecret("a-long-enough-secret-value");
    expect(isSecret(secret)).toBe(true);
    expect(toSecret(secret)).toBe(secret);
    expect(isSecret("a string")).toBe(false);
    expect(isSecret(null)).toBe(false);
  });
});
