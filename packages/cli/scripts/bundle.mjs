// Bundles the command's start path (`src/bin.ts`, with `apitokens/registry`, `@apitokens/core`
// and the vendor packages) into `bundle/`, split at every dynamic `import()`: `--help` loads the
// entry file alone, a command loads its own chunk, and a vendor's chunk loads only when that
// vendor is configured. One file per chunk instead of one per module (about 100 for `list`) is
// what the start saves: each ESM file costs a resolution, a read and a compile. `bundle/` sits
// beside `dist/`, so `new URL("../package.json", import.meta.url)` means the same file in both.
// `@apitokens/sandbox` stays a package import (it is a server, loaded only by `--sandbox` and
// `apitokens sandbox`). `meta.json` is esbuild's metafile: which sources each chunk holds
// (the tests read it; it is left out of the published files).
//
//   node scripts/bundle.mjs      (run by `npm run build`, after tsc)
import { rm, writeFile } from "node:fs/promises";
import { build } from "esbuild";

const OUT = new URL("../bundle/", import.meta.url);

// Chunk names carry content hashes: a chunk of an earlier build must not stay beside the new ones.
await rm(OUT, { recursive: true, force: true });

const result = await build({
  absWorkingDir: new URL("..", import.meta.url).pathname,
  entryPoints: { bin: "src/bin.ts" },
  outdir: "bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external: ["@apitokens/sandbox"],
  // Not minified: the same start time (measured), readable stack traces. Bundling renames a
  // class whose name two modules share; core's error guards compare `constructor.name`.
  keepNames: true,
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});

await writeFile(new URL("meta.json", OUT), `${JSON.stringify(result.metafile, null, 2)}\n`);
