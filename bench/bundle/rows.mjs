import { kb, times } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status } from "../lib/targets.mjs";

/**
 * Table rows of the bundle run: minified and gzipped bytes of what a consumer loads at start
 * (and, apart, what it may load later through `import()`), and the gzipped size as a ratio to
 * bare openapi-fetch doing the same call (the part every openapi-fetch client carries). A
 * vendor client's target is its size and being smaller than Dynatrace's own SDK.
 *
 * @example bundleRows(result) // [{ name: "@apitokens/timeweb: create + list", value: "27.2 kB min · 10.1 kB gz", … }]
 */
export function bundleRows({ rows }) {
  const base = rows.find((r) => r.id === "openapi-fetch");
  const sdk = rows.find((r) => r.id === "dynatrace-sdk");
  return rows.map((r) => {
    const vendor = r.ours && r.id !== "facade";
    const met = r.gzip <= r.targetGzip && (!vendor || !sdk || r.gzip < sdk.gzip);
    return {
      name: r.name,
      value: `${kb(r.minified)} min · ${kb(r.gzip)} gz${r.lazy ? ` (+ ${kb(r.lazy.gzip)} gz lazy)` : ""}`,
      ratio: `${times(ratio(r.gzip, base.gzip))} openapi-fetch`,
      ...(r.targetGzip
        ? { target: `≤ ${kb(r.targetGzip)} gz${vendor && sdk ? `, < Dynatrace SDK (${kb(sdk.gzip)})` : ""}`, status: status(met) }
        : {}),
      data: r,
    };
  });
}

/** The section's heading. */
export const BUNDLE_TITLE =
  "2. Bundle size — esbuild --bundle --minify --splitting --platform=browser --format=esm; gzip -9; what loads at start";
