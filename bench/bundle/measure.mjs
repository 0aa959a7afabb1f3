// Bundle size: esbuild (bundle, minify, browser, ESM, code splitting) of one small consumer per
// row, bytes minified and gzipped. What the consumer loads at start (its entry and the chunks
// that imports statically) is the row's size; chunks reached only through `import()` (the
// page shape checks `paginate()` loads) are reported apart as `lazy`. Our packages resolve
// through their package.json `exports` to the built `dist` (run.mjs builds them first). Prints
// JSON when run alone.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { reportToParent } from "../lib/child.mjs";
import { TARGETS } from "../lib/targets.mjs";

/** The rows, as data: which consumer, whose it is, and the target it must meet (gzipped bytes). */
export const BUNDLES = Object.freeze([
  { id: "timeweb", name: "@apitokens/timeweb: create + list", entry: "timeweb.js", ours: true, targetGzip: TARGETS.vendorGzipBytes },
  { id: "qernal", name: "@apitokens/qernal: create + list", entry: "qernal.js", ours: true, targetGzip: TARGETS.vendorGzipBytes },
  { id: "dynatrace", name: "@apitokens/dynatrace: create + list", entry: "dynatrace.js", ours: true, targetGzip: TARGETS.vendorGzipBytes },
  { id: "sematext", name: "@apitokens/sematext: create + list", entry: "sematext.js", ours: true, targetGzip: TARGETS.vendorGzipBytes },
  { id: "gitlab", name: "@apitokens/gitlab: create + list", entry: "gitlab.js", ours: true, targetGzip: TARGETS.vendorGzipBytes },
  {
    id: "facade",
    name: "apitokens: connect() 5 clients + tokens.list()",
    entry: "facade.js",
    ours: true,
    targetGzip: TARGETS.facadeGzipBytes,
  },
  { id: "openapi-fetch", name: "peer: openapi-fetch (bare)", entry: "openapi-fetch.js", ours: false },
  { id: "hey-api", name: "peer: @hey-api/openapi-ts client", entry: "hey-api.ts", ours: false },
  { id: "axios", name: "peer: axios", entry: "axios.js", ours: false },
  { id: "dynatrace-sdk", name: "peer: @dynatrace-sdk/client-classic-environment-v2", entry: "dynatrace-sdk.js", ours: false },
]);

/**
 * What each input of a start bundle is for, as data: the first rule whose pattern matches an
 * input's path names its behaviour. The breakdown (minified bytes per behaviour) says what a
 * smaller bundle would have to give up; an input no rule names counts as `other`.
 */
export const BEHAVIOURS = Object.freeze([
  { name: "openapi-fetch (request building, serialisers, middleware)", pattern: /node_modules\/openapi-fetch\// },
  { name: "generated spec data and client factory", pattern: /packages\/[^/]+\/dist\/generated\/(spec|client|vendor)\.js$/ },
  {
    name: "lifecycle (tokens, create, rotate, adapters)",
    pattern: /packages\/(core\/dist\/lifecycle\/|[^/]+\/dist\/(lifecycle|token-id)\.js$)/,
  },
  { name: "pagination", pattern: /packages\/core\/dist\/(paginate|pagination\/|check-shape)/ },
  { name: "OAuth2 client credentials", pattern: /packages\/core\/dist\/auth\/oauth2/ },
  { name: "auth and credential checks (Secret, schemes)", pattern: /packages\/core\/dist\/(auth\/|secret\.js)/ },
  { name: "redaction", pattern: /packages\/core\/dist\/redact\.js/ },
  { name: "retry, backoff, Retry-After, deadline", pattern: /packages\/core\/dist\/transport\/retry/ },
  { name: "per-attempt timeout, signals, fetch wiring", pattern: /packages\/core\/dist\/(transport\/(timeout|fetch-like)|context)\.js/ },
  { name: "redirect guard", pattern: /packages\/core\/dist\/transport\/redirect/ },
  { name: "typed errors and their messages", pattern: /packages\/core\/dist\/errors\// },
  { name: "answer checks (status, media type, JSON)", pattern: /packages\/core\/dist\/(answer|response-body|unwrap)\.js/ },
  { name: "option checks (baseUrl, headers, timeouts)", pattern: /packages\/core\/dist\/(options|server-url)\.js/ },
  {
    name: "client assembly, methods, path guard",
    pattern: /packages\/core\/dist\/(client|methods|path-params|exact-client|spec|vendor)\.js/,
  },
  { name: "facade (connect)", pattern: /packages\/apitokens\/dist\// },
]);

/** Minified bytes per behaviour ({@link BEHAVIOURS}), largest first. */
export function byBehaviour(inputs) {
  const sums = new Map();
  for (const [path, bytes] of inputs) {
    if (!bytes) continue;
    const name = BEHAVIOURS.find((b) => b.pattern.test(path))?.name ?? "other";
    sums.set(name, (sums.get(name) ?? 0) + bytes);
  }
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** esbuild settings every row shares. */
export const ESBUILD_OPTIONS = Object.freeze({
  bundle: true,
  minify: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  splitting: true,
  write: false,
  metafile: true,
  legalComments: "none",
  logLevel: "silent",
});

/**
 * Bundles one consumer and measures what it loads at start; `lazy` is what it may load later
 * through `import()`, and `inputs` are the five biggest contributors to the start (bytes in the
 * minified output), to see where a size goes.
 *
 * @example const { gzip, lazy } = await measureBundle(BUNDLES[2]);
 */
export async function measureBundle(row) {
  const result = await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [new URL(`./consumers/${row.entry}`, import.meta.url).pathname],
    outdir: "out",
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf("/out/") + 1), file.contents]));
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  // The start: the entry and every chunk it imports statically, transitively.
  const start = new Set();
  const visit = (path) => {
    if (start.has(path)) return;
    start.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entry);
  const measure = (paths) => {
    const bytes = Buffer.concat(paths.map((path) => files.get(path)));
    return { minified: bytes.byteLength, gzip: paths.reduce((sum, path) => sum + gzipSync(files.get(path), { level: 9 }).byteLength, 0) };
  };
  const lazyPaths = Object.keys(outputs).filter((path) => !start.has(path) && path.endsWith(".js"));
  const inputs = new Map();
  for (const path of start) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs))
      inputs.set(input, (inputs.get(input) ?? 0) + bytesInOutput);
  }
  // Our packages must come from their built dist, through package.json `exports`, as users get them.
  const every = Object.values(outputs).flatMap((output) => Object.keys(output.inputs));
  const fromSource = every.filter((path) => /packages\/[^/]+\/src\//.test(path));
  if (fromSource.length) throw new Error(`${row.entry} bundled sources instead of dist: ${fromSource.join(", ")}`);
  return {
    ...measure([...start]),
    lazy: lazyPaths.length ? measure(lazyPaths) : undefined,
    behaviours: byBehaviour(inputs),
    inputs: [...inputs]
      .map(([path, bytes]) => ({ path: path.replace(/^.*node_modules\//, ""), bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5),
  };
}

reportToParent(async () => {
  const rows = [];
  for (const row of BUNDLES) rows.push({ ...row, ...(await measureBundle(row)) });
  return { rows };
});
