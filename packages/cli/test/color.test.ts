import { describe, expect, it } from "vitest";
import { paintFor } from "../src/format/color.js";
import { day, table } from "../src/format/table.js";
import type { Io } from "../src/io.js";
import { recordingIo } from "./io.js";

const io = (isTTY: boolean, env: Record<string, string> = {}): Io => recordingIo(env, { tty: isTTY });

describe("colours", () => {
  it.each([
    { given: "a terminal", tty: true, env: {}, want: "\u001b[31mx\u001b[39m" },
    { given: "a pipe", tty: false, env: {}, want: "x" },
    { given: "a terminal with NO_COLOR", tty: true, env: { NO_COLOR: "" }, want: "x" },
    { given: "a terminal with TERM=dumb", tty: true, env: { TERM: "dumb" }, want: "x" },
    { given: "a pipe with FORCE_COLOR", tty: false, env: { FORCE_COLOR: "1" }, want: "\u001b[31mx\u001b[39m" },
  ])("on $given", ({ tty, env, want }) => {
    expect(paintFor(io(tty, env)).red("x")).toBe(want);
  });
});

describe("table", () => {
  it("pads columns to the widest cell, ignoring colour codes, and cuts long cells", () => {
    const paint = paintFor(io(true));
    expect(
      table(
        ["A", "BB"],
        [
          [{ text: "xyz", paint: paint.red }, "1"],
          ["q", "a-very-long-cell"],
        ],
        8,
      ),
    ).toBe(`A    BB\n${paint.red("xyz")}  1\nq    a-very-…\n`);
  });

  it.each([
    { given: new Date("2026-11-23T12:00:00Z"), want: "2026-11-23" },
    { given: null, want: "never" },
    { given: undefined, want: "—" },
  ])("day($given) is $want", ({ given, want }) => {
    expect(day(given)).toBe(want);
  });
});
