import { kb, times } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status } from "../lib/targets.mjs";

/**
 * Table rows of the bundle run: minified and gzipped bytes, and the gzipped size as a ratio to
 * bare openapi-fetch doing the same call (the part every openapi-fetch client carries).
 *
 * @example bundleRows(result) // [{ name: "@apitokens/timeweb: create + list", value: "27.2 kB min · 10.1 kB gz", … }]
 */
export function bundleRows({ rows }) {
  const base = rows.find((r) => r.id === "openapi-fetch");
  return rows.map((r) => ({
    name: r.name,
    value: `${kb(r.minified)} min · ${kb(r.gzip)} gz`,
    ratio: `${times(ratio(r.gzip, base.gzip))} openapi-fetch`,
    ...(r.targetGzip ? { target: `≤ ${kb(r.targetGzip)} gz`, status: status(r.gzip <= r.targetGzip) } : {}),
    data: r,
  }));
}

/** The section's heading. */
export const BUNDLE_TITLE = "2. Bundle size — esbuild --bundle --minify --platform=browser --format=esm; gzip -9";
