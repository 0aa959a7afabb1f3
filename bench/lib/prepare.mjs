import { mkdir, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { build } from "esbuild";
import { BENCH, exec, GENERATED, ROOT, TURBO, TURBO_ENV } from "./exec.mjs";

/** The packages the bench imports or runs from their built `dist`: the facade, its deps, the sandbox and the CLI. */
export const BUILD_FILTERS = ["--filter=apitokens...", "--filter=@apitokens/sandbox...", "--filter=@apitokens/cli..."];

/** The hey-api peer: the spec it is generated from, where it goes, and the Node bundle the overhead run imports. */
export const HEY_API = Object.freeze({
  spec: resolve(ROOT, "specs/dynatrace.yaml"),
  dir: resolve(GENERATED, "hey-api"),
  nodeBundle: resolve(GENERATED, "hey-api-node.mjs"),
});

/** What bench code takes from the generated client (its index.ts does not re-export the client). */
export const HEY_API_ENTRY = 'export { client } from "./client.gen.js";\nexport { listApiTokens } from "./sdk.gen.js";\n';

/**
 * Builds what the bench imports (turbo; all cache hits when nothing changed).
 *
 * @example const { ms, stdout } = await buildPackages();
 */
export function buildPackages() {
  return exec(process.execPath, [TURBO, "run", "build", ...BUILD_FILTERS, "--output-logs=errors-only"], { env: TURBO_ENV });
}

/**
 * Generates a client from specs/dynatrace.yaml with `@hey-api/openapi-ts` (fetch client + SDK
 * functions + types) into bench/.generated/hey-api, in a fresh process, then bundles it for
 * Node so the overhead run can import the generated TypeScript. Resolves with the generation
 * time (the child's wall time).
 *
 * @example const { ms } = await generateHeyApi();
 */
export async function generateHeyApi() {
  await rm(HEY_API.dir, { recursive: true, force: true });
  await mkdir(GENERATED, { recursive: true });
  const { ms } = await exec(process.execPath, [resolve(BENCH, "lib/generate-hey-api.mjs"), HEY_API.spec, HEY_API.dir]);
  await build({
    // The documented usage: configure the generated default client, call the SDK function.
    stdin: { contents: HEY_API_ENTRY, resolveDir: HEY_API.dir, sourcefile: "hey-api-entry.ts", loader: "ts" },
    outfile: HEY_API.nodeBundle,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
  return { ms };
}
