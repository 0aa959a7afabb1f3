import { describe, expect, it } from "vitest";
import { table } from "../src/format/table.js";
import { displayWidth, escapeControl, safe, shorten } from "../src/format/text.js";

describe("escapeControl", () => {
  it.each([
    { given: "plain name", want: "plain name" },
    { given: "evil\u001b[31mred\u001b[0m", want: "evil\\e[31mred\\e[0m" },
    { given: "a\nfake row", want: "a\\nfake row" },
    { given: "over\rwrite", want: "over\\rwrite" },
    { given: "bell\u0007", want: "bell\\a" },
    { given: "tab\there", want: "tab\\there" },
    { given: "nul\u0000", want: "nul\\x00" },
    { given: "del\u007f", want: "del\\x7f" },
    { given: "8-bit CSI \u009b31m", want: "8-bit CSI \\x9b31m" },
    { given: "osc \u009d0;title\u009c", want: "osc \\x9d0;title\\x9c" },
    { given: "bidi \u202eevil", want: "bidi \\u{202e}evil" },
    { given: "line\u2028sep", want: "line\\u{2028}sep" },
    { given: "名前 🔑", want: "名前 🔑" },
  ])("$given → $want", ({ given, want }) => {
    expect(escapeControl(given)).toBe(want);
  });
});

describe("displayWidth", () => {
  it.each([
    { given: "abc", want: 3 },
    { given: "名前", want: 4 },
    { given: "토큰", want: 4 },
    { given: "ｔｏｋｅｎ", want: 10 },
    { given: "key 🔑", want: 6 },
    { given: "🚀🚀", want: 4 },
    { given: "e\u0301", want: 1 },
    { given: "\u001b[31mred\u001b[39m", want: 3 },
  ])("$given is $want columns", ({ given, want }) => {
    expect(displayWidth(given)).toBe(want);
  });
});

describe("shorten", () => {
  it.each([
    { given: "short", max: 10, want: "short" },
    { given: "a".repeat(100_000), max: 10, want: `${"a".repeat(9)}…` },
    { given: "名前名前名前", max: 5, want: "名前…" },
  ])("$max columns of $given", ({ given, max, want }) => {
    const out = shorten(given, max);
    expect(out).toBe(want);
    expect(displayWidth(out)).toBeLessThanOrEqual(max);
  });

  it("safe() escapes then shortens a 100,000-character vendor value to one short line", () => {
    const out = safe(`${"x".repeat(100_000)}\n`);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out).not.toContain("\n");
  });
});

describe("table with untrusted cells", () => {
  it("a name with ESC and LF neither colours the terminal nor fakes a row", () => {
    const out = table(["ID", "NAME", "X"], [["1", "evil\u001b[31m\nfake 2 row", "y"]]);
    expect(out).not.toContain("\u001b");
    expect(out.trimEnd().split("\n")).toHaveLength(2);
    expect(out).toContain("evil\\e[31m\\nfake 2 row");
  });

  it("wide characters keep the next column aligned", () => {
    const out = table(
      ["NAME", "ID"],
      [
        ["名前", "a"],
        ["🔑🔑🔑", "b"],
        ["ascii", "c"],
      ],
    );
    const columns = out
      .trimEnd()
      .split("\n")
      .map((line) => displayWidth(line.replace(/\S+$/, "")));
    expect(new Set(columns).size).toBe(1);
  });
});
