/** Removes ANSI escapes to measure the visible width. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC of ANSI colour codes is the point.
const ANSI = /\u001b\[[0-9;]*m/g;
const width = (text: string) => text.replace(ANSI, "").length;

/**
 * A plain-text table: a header row, then one row per item, columns padded to the widest cell.
 * Cells longer than `maxCell` are cut with `…`.
 *
 * @example table(["a", "b"], [["1", "2"]]) // "a  b\n1  2\n"
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], maxCell = 48): string {
  const cut = (cell: string) => (width(cell) > maxCell ? `${cell.replace(ANSI, "").slice(0, maxCell - 1)}…` : cell);
  const cells = [headers, ...rows].map((row) => row.map(cut));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => width(row[i] ?? ""))));
  return `${cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - width(cell))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

/** `YYYY-MM-DD`, `never` for null, `—` for unknown. */
export function day(value: Date | null | undefined, never = "never"): string {
  if (value === null) return never;
  if (value === undefined) return "—";
  return value.toISOString().slice(0, 10);
}
