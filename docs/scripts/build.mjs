#!/usr/bin/env node
/**
 * Builds the reference site into `docs/dist/`:
 *
 *   dist/index.html        links every vendor page and the TypeScript API
 *   dist/<vendor>.html     Redoc page of specs/<vendor>.yaml (redocly build-docs)
 *   dist/api/index.html    TypeDoc of the package named by TYPEDOC_PACKAGE (scripts/site.mjs)
 *
 * Run it with `npm run docs` (turbo task `docs`, cached on the specs, the TypeDoc entry's
 * sources and these scripts).
 */
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildHttpReference } from "./http-reference.mjs";
import { indexPage } from "./index-page.mjs";
import { ASSETS_DIR, OUT_DIR, PAGES, ROOT, TYPEDOC_PACKAGE, vendors } from "./site.mjs";
import { summarizeSpec } from "./spec-summary.mjs";
import { buildTypescriptReference } from "./typescript-reference.mjs";

const started = Date.now();
await rm(OUT_DIR, { recursive: true, force: true });
await mkdir(OUT_DIR, { recursive: true });

const specs = vendors().map(summarizeSpec);
if (specs.length === 0) throw new Error("no specs/*.yaml found: nothing to document");
const typescriptPackage = JSON.parse(await readFile(join(ROOT, TYPEDOC_PACKAGE, "package.json"), "utf8")).name;

await Promise.all([
  ...specs.map((spec) => buildHttpReference(spec.vendor)),
  buildTypescriptReference(),
  cp(ASSETS_DIR, join(OUT_DIR, PAGES.assets), { recursive: true }),
]);
await writeFile(join(OUT_DIR, PAGES.index), indexPage({ specs, typescriptPackage }));

const operations = specs.reduce((sum, spec) => sum + spec.operations.length, 0);
console.log(
  `docs: ${specs.length} vendor pages (${operations} operations), TypeDoc of ${typescriptPackage}, index → ${OUT_DIR} in ${Date.now() - started} ms`,
);
