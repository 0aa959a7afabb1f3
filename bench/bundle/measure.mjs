// Bundle size: esbuild (bundle, minify, browser, ESM) of one small consumer per row, bytes
// minified and gzipped. Our packages resolve through their package.json `exports` to the
// built `dist` (run.mjs builds them first). Prints JSON when run alone.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { reportToParent } from "../lib/child.mjs";

/** The rows, as data: which consumer, whose it is, and the target it must meet (gzipped bytes). */
export const BUNDLES = Object.freeze([
  { id: "timeweb", name: "@apitokens/timeweb: create + list", entry: "timeweb.js", ours: true, targetGzip: 4096 },
  { id: "qernal", name: "@apitokens/qernal: create + list", entry: "qernal.js", ours: true, targetGzip: 4096 },
  { id: "dynatrace", name: "@apitokens/dynatrace: create + list", entry: "dynatrace.js", ours: true, targetGzip: 4096 },
  { id: "sematext", name: "@apitokens/sematext: create + list", entry: "sematext.js", ours: true, targetGzip: 4096 },
  { id: "facade", name: "apitokens: connect() 4 clients + tokens.list()", entry: "facade.js", ours: true, targetGzip: 12288 },
  { id: "openapi-fetch", name: "peer: openapi-fetch (bare)", entry: "openapi-fetch.js", ours: false },
  { id: "hey-api", name: "peer: @hey-api/openapi-ts client", entry: "hey-api.ts", ours: false },
  { id: "axios", name: "peer: axios", entry: "axios.js", ours: false },
  { id: "dynatrace-sdk", name: "peer: @dynatrace-sdk/client-classic-environment-v2", entry: "dynatrace-sdk.js", ours: false },
]);

/** esbuild settings every row shares. */
export const ESBUILD_OPTIONS = Object.freeze({
  bundle: true,
  minify: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  write: false,
  metafile: true,
  legalComments: "none",
  logLevel: "silent",
});

/**
 * Bundles one consumer and measures it; `inputs` are the five biggest contributors (bytes in
 * the minified output), to see where a size goes.
 *
 * @example const { gzip } = await measureBundle(BUNDLES[2]);
 */
export async function measureBundle(row) {
  const result = await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [new URL(`./consumers/${row.entry}`, import.meta.url).pathname],
    outdir: "out",
  });
  const [output] = result.outputFiles;
  const bytes = output.contents;
  const meta = Object.values(result.metafile.outputs)[0];
  // Our packages must come from their built dist, through package.json `exports`, as users get them.
  const fromSource = Object.keys(meta.inputs).filter((path) => /packages\/[^/]+\/src\//.test(path));
  if (fromSource.length) throw new Error(`${row.entry} bundled sources instead of dist: ${fromSource.join(", ")}`);
  const inputs = Object.entries(meta.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*node_modules\//, ""), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return { minified: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength, inputs };
}

reportToParent(async () => {
  const rows = [];
  for (const row of BUNDLES) rows.push({ ...row, ...(await measureBundle(row)) });
  return { rows };
});
