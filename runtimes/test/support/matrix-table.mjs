// The matrix as a Markdown table, printed at the end of a run (the READMEs copy it).

/**
 * @typedef {{ runtime: string, version: string, result: "pass" | "fail" | "skip", ms: number, note?: string }} Row
 */

/**
 * @param {string} title
 * @param {Row[]} rows
 * @returns {string}
 * @example table("smoke", [{ runtime: "bun", version: "1.4.4", result: "pass", ms: 310 }])
 */
export function table(title, rows) {
  const lines = [`\n${title}`, "| runtime | version | result | time | note |", "| --- | --- | --- | --- | --- |"];
  for (const row of rows) {
    lines.push(
      `| ${row.runtime} | ${row.version} | ${row.result} | ${row.result === "skip" ? "–" : `${(row.ms / 1000).toFixed(1)} s`} | ${row.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}
