/**
 * What the reference site is built from and where it goes, as data. The build scripts and
 * the browser test read these, so the two cannot disagree about a path.
 */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The `docs/` workspace. */
export const DOCS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The repository root. */
export const ROOT = resolve(DOCS_DIR, "..");
/** Where the site is written (build output, gitignored). */
export const OUT_DIR = join(DOCS_DIR, "dist");
/** The hand-written vendor specs, one `<vendor>.yaml` each. */
export const SPECS_DIR = join(ROOT, "specs");
/** Static files copied into `dist/assets/` (favicon, the Redoc attribution logo). */
export const ASSETS_DIR = join(DOCS_DIR, "assets");
/** The Redocly config (lint rules; build-docs reads its `openapi` theme options). */
export const REDOCLY_CONFIG = join(ROOT, "redocly.yaml");

/**
 * The package whose TypeScript API (TypeDoc) the site documents.
 *
 * The facade `packages/apitokens` is what users import, so it is the one to document; until its
 * `src/index.ts` exists this points at `packages/core`. To switch: set it to
 * `"packages/apitokens"`, and in `docs/turbo.json` replace the `packages/core` inputs of the
 * `docs` task with the facade's (and add `"dependsOn": ["^build"]` plus a devDependency on
 * `apitokens`, since the facade's types come from the vendor packages' built `.d.ts`).
 */
export const TYPEDOC_PACKAGE = "packages/apitokens";
/** The TypeDoc entry point: the documented package's one public `index.ts`. */
export const TYPEDOC_ENTRY = join(ROOT, TYPEDOC_PACKAGE, "src", "index.ts");
/** The documented package's build config (src only, no tests). */
export const TYPEDOC_TSCONFIG = join(ROOT, TYPEDOC_PACKAGE, "tsconfig.build.json");

/** Site paths, relative to {@link OUT_DIR}. */
export const PAGES = Object.freeze({
  index: "index.html",
  /** TypeDoc's folder; its entry page is `api/index.html`. */
  api: "api",
  assets: "assets",
  /** @param {string} vendor */
  vendor: (vendor) => `${vendor}.html`,
});

/**
 * The vendors, one per spec file, sorted. A new `specs/<vendor>.yaml` gets a page without
 * touching the docs scripts.
 *
 * @returns {string[]}
 * @example vendors() // ["dynatrace", "qernal", "sematext", "timeweb"]
 */
export function vendors() {
  return readdirSync(SPECS_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
}

/**
 * The spec file of a vendor.
 *
 * @param {string} vendor
 * @example specPath("qernal") // "<root>/specs/qernal.yaml"
 */
export function specPath(vendor) {
  return join(SPECS_DIR, `${vendor}.yaml`);
}
