/**
 * Untrusted text (token names, vendor messages, ids) made safe for a terminal: control
 * characters escaped, display width measured, long values shortened. JSON output needs none of
 * this (`JSON.stringify` escapes control characters itself).
 */

/** How a control character is shown, where a short form exists. */
const NAMED: Readonly<Record<number, string>> = Object.freeze({
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  27: "\\e",
});

/**
 * C0 controls, DEL, C1 controls (0x80–0x9F, e.g. the 8-bit CSI 0x9B), and the Unicode format
 * characters that reorder or hide text (bidi overrides and isolates, line/paragraph separators).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g;

/**
 * Shows every control character visibly, so untrusted text can neither colour the terminal,
 * move the cursor, nor start a fake line.
 *
 * @example escapeControl("evil\u001b[31m\nrow") // "evil\\e[31m\\nrow"
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[code] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`);
  });
}

/** Code point ranges shown two columns wide (East Asian Wide/Fullwidth and emoji presentation). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/** Code point ranges that take no column: combining marks, zero-width space and joiners, variation selectors. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200d],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

const within = (ranges: readonly (readonly [number, number])[], codePoint: number) => {
  for (const [from, to] of ranges) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
};

function columns(codePoint: number): number {
  if (within(ZERO, codePoint)) return 0;
  return within(WIDE, codePoint) ? 2 : 1;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ESC of our own colour codes.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The number of terminal columns a string takes (our own colour codes take none; CJK and emoji
 * take two). Escape control characters first: a raw one has no defined width.
 *
 * @example displayWidth("名前") // 4
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, "")) width += columns(char.codePointAt(0) ?? 0);
  return width;
}

/**
 * Cuts text to at most `max` columns, ending with `…` when cut (colour codes are dropped then).
 *
 * @example shorten("a".repeat(100_000), 10) // "aaaaaaaaa…"
 */
export function shorten(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  let width = 0;
  for (const char of text.replace(ANSI, "")) {
    const w = columns(char.codePointAt(0) ?? 0);
    if (width + w > max - 1) break;
    out += char;
    width += w;
  }
  return `${out}…`;
}

/** The longest a vendor-provided value may be inside a one-line message. */
export const MESSAGE_VALUE_MAX = 120;

/**
 * Untrusted text for a message line: escaped and shortened.
 *
 * @example safe("x\u001b]0;pwned\u0007") // "x\\e]0;pwned\\a"
 */
export function safe(text: string, max = MESSAGE_VALUE_MAX): string {
  return shorten(escapeControl(text), max);
}
