// Bundles the command for a fast start, into `bundle/` (beside `dist/`, so the
// `new URL("../package.json", import.meta.url)` of `version()` names the same file in both):
//
// - `start.cjs`: `src/bin.ts` and what it imports statically (the dispatcher, the command list,
//   `--help`, the exit codes), CommonJS, in one file. `bin/apitokens.js` loads it with
//   `require()`, so `apitokens --help` starts no ES module loader (nor libuv's thread pool,
//   which that loader uses to read files) and reads one file.
// - every module `start.cjs` imports dynamically (each command, the connection context, error
//   reporting, the vendor registry) as an ES module entry, split with esbuild (`splitting`):
//   a command loads its own files, and a vendor's package (bundled from `apitokens/registry`)
//   only when that vendor is configured. One file per chunk instead of one per module (about
//   100 for `list`, with core's) is what that start saves.
//
// A module both halves use at run time would be two copies, two `CliError` classes: `start.cjs`
// exports those modules (SHARED) and the chunks import them from it; the build fails when any
// other module is in both. `@apitokens/sandbox` stays a package import (a server, loaded by
// `--sandbox` and `apitokens sandbox` only). `meta.json` (esbuild's metafiles of both builds:
// which sources each file holds) is for the tests; it is not published.
//
//   node scripts/bundle.mjs      (run by `npm run build`, after tsc)
import { rm, writeFile } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = resolve(ROOT, "bundle");
const START = "start.cjs";
/** Modules of the start that the chunks use at run time: they import them from `start.cjs`. */
const SHARED = ["src/exit-codes.ts"];

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: "node",
  target: "node20.19",
  // Not minified: the same start time (measured), readable stack traces. Bundling renames a
  // class whose name two modules share; core's error guards compare `constructor.name`.
  keepNames: true,
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
};

// Chunk names carry content hashes: a chunk of an earlier build must not stay beside the new ones.
await rm(OUT, { recursive: true, force: true });

/** The source files `start.cjs` imports dynamically: the ES module entries. */
const lazy = new Set();
const start = await build({
  ...COMMON,
  stdin: {
    contents: [...SHARED.map((path) => `export * from "./${path}";`), `import "./src/bin.ts";`].join("\n"),
    resolveDir: ROOT,
    sourcefile: "start.ts",
    loader: "ts",
  },
  outfile: resolve(OUT, START),
  format: "cjs",
  // package.json says `"sideEffects": false` (true of the library); bin.ts is all side effect.
  ignoreAnnotations: true,
  // `import.meta.url` (version() reads package.json beside it) is this file's URL.
  banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "importMetaUrl" },
  plugins: [
    {
      name: "dynamic-imports-load-es-modules",
      setup(build) {
        build.onResolve({ filter: /^\./, namespace: "file" }, ({ kind, path, resolveDir }) => {
          if (kind !== "dynamic-import") return undefined;
          const source = resolve(resolveDir, path.replace(/\.js$/, ".ts"));
          lazy.add(source);
          return { path: `./${basename(source, ".ts")}.js`, external: true };
        });
      },
    },
  ],
});

const chunks = await build({
  ...COMMON,
  entryPoints: [...lazy],
  entryNames: "[name]",
  outdir: OUT,
  format: "esm",
  splitting: true,
  external: ["@apitokens/sandbox"],
  plugins: [
    {
      name: "shared-modules-from-start",
      setup(build) {
        const shared = new Set(SHARED.map((path) => resolve(ROOT, path)));
        build.onResolve({ filter: /^\./, namespace: "file" }, ({ path, resolveDir }) =>
          shared.has(resolve(resolveDir, path.replace(/\.js$/, ".ts"))) ? { path: `./${START}`, external: true } : undefined,
        );
      },
    },
  ],
});

const inputsOf = (metafile) => new Set(Object.keys(metafile.inputs).filter((input) => !input.startsWith("<")));
const twice = [...inputsOf(chunks.metafile)].filter((input) => inputsOf(start.metafile).has(input));
if (twice.length > 0)
  throw new Error(
    `bundled both in ${START} and in the chunks (two copies at run time): ${twice.join(", ")}; add them to SHARED in ${relative(ROOT, fileURLToPath(import.meta.url))}`,
  );

const meta = {
  inputs: { ...start.metafile.inputs, ...chunks.metafile.inputs },
  outputs: { ...start.metafile.outputs, ...chunks.metafile.outputs },
};
await writeFile(resolve(OUT, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);
