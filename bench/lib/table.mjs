/**
 * Prints result rows as one aligned plain-text table, grouped by section. Rows are data:
 * `{ section, name, value, ratio, target, status, note }`, the same objects that go into
 * results.json.
 */

const COLUMNS = [
  { key: "name", title: "measurement" },
  { key: "value", title: "value" },
  { key: "ratio", title: "ratio" },
  { key: "target", title: "target" },
  { key: "status", title: "" },
];

/** @example formatTable([{ section: "overhead", name: "fetch", value: "80 µs", ratio: "1.00× floor" }]) */
export function formatTable(rows) {
  const cells = rows.map((row) => COLUMNS.map((c) => String(row[c.key] ?? "")));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)));
  const line = (values) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const out = [];
  let section;
  rows.forEach((row, index) => {
    if (row.section !== section) {
      section = row.section;
      out.push("", `== ${row.sectionTitle ?? section}`, line(COLUMNS.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))));
    }
    out.push(line(cells[index]));
    if (row.note) out.push(`    ${row.note}`);
  });
  return out.join("\n");
}
