/** The TypeScript API reference, built with TypeDoc from one package's public `index.ts`. */
import { join } from "node:path";
import { Application } from "typedoc";
import { ASSETS_DIR, OUT_DIR, PAGES, TYPEDOC_ENTRY, TYPEDOC_TSCONFIG } from "./site.mjs";

/** TypeDoc options, as data. */
const TYPEDOC_OPTIONS = Object.freeze({
  entryPoints: [TYPEDOC_ENTRY],
  tsconfig: TYPEDOC_TSCONFIG,
  // The package's README is for npm; the index page of the site introduces the API instead.
  readme: "none",
  // Source links need a hosted git remote; a local build has none, and broken links are worse.
  disableSources: true,
  favicon: join(ASSETS_DIR, "favicon.svg"),
  githubPages: false,
  excludePrivate: true,
  excludeInternal: true,
});

/**
 * Builds `dist/api/` and fails on TypeDoc errors (warnings, such as a referenced type that is
 * not exported, are printed for the package's authors but do not fail the build).
 *
 * @returns {Promise<string>} The output folder.
 * @example await buildTypescriptReference() // ".../docs/dist/api"
 */
export async function buildTypescriptReference() {
  const out = join(OUT_DIR, PAGES.api);
  const app = await Application.bootstrapWithPlugins({ ...TYPEDOC_OPTIONS, entryPoints: [...TYPEDOC_OPTIONS.entryPoints], out });
  const project = await app.convert();
  if (!project || app.logger.hasErrors()) throw new Error(`TypeDoc could not convert ${TYPEDOC_ENTRY}`);
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error("TypeDoc failed to write the API reference");
  return out;
}
