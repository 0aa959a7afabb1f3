import { displayWidth, escapeControl, shorten } from "./text.js";

/**
 * A plain-text table: a header row, then one row per item, columns padded to the widest cell
 * by display width (CJK and emoji take two columns). Cells are untrusted: control characters
 * are shown escaped, then cells longer than `maxCell` columns are cut with `…`. Cells may carry
 * our own colour codes (added after escaping).
 *
 * @example table(["a", "b"], [["1", "2"]]) // "a  b\n1  2\n"
 */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[], maxCell = 48): string {
  const render = (cell: Cell) => {
    const text = typeof cell === "string" ? escapeControl(cell) : cell.paint(shorten(escapeControl(cell.text), maxCell));
    return displayWidth(text) > maxCell ? shorten(text, maxCell) : text;
  };
  const cells = [headers.map((h) => h), ...rows.map((row) => row.map(render))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i] ?? ""))));
  return `${cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - displayWidth(cell))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

/** A cell: untrusted text, or text with a style applied after it was made safe. */
export type Cell = string | { readonly text: string; readonly paint: (text: string) => string };

/** `YYYY-MM-DD`, `never` for null, `—` for unknown. */
export function day(value: Date | null | undefined, never = "never"): string {
  if (value === null) return never;
  if (value === undefined) return "—";
  return value.toISOString().slice(0, 10);
}
