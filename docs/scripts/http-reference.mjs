/** One Redoc page per vendor spec, built with `redocly build-docs`. */
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { run } from "./run.mjs";
import { selfContained } from "./self-contained.mjs";
import { OUT_DIR, PAGES, REDOCLY_CONFIG, ROOT, specPath } from "./site.mjs";

const require = createRequire(import.meta.url);
const REDOCLY = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

/**
 * Redocly CLI reports usage to Redocly and checks for updates unless told not to; a docs
 * build has no business on the network.
 */
const QUIET_ENV = Object.freeze({ REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" });

/**
 * Builds `dist/<vendor>.html` from `specs/<vendor>.yaml`: Redoc with its scripts inlined
 * (`--inlineBundle`, not loaded from a CDN), then made self-contained.
 *
 * @param {string} vendor
 * @returns {Promise<string>} The page's path.
 * @example await buildHttpReference("timeweb") // ".../docs/dist/timeweb.html"
 */
export async function buildHttpReference(vendor) {
  const out = join(OUT_DIR, PAGES.vendor(vendor));
  await run(process.execPath, [REDOCLY, "build-docs", specPath(vendor), "--config", REDOCLY_CONFIG, "--inlineBundle", "--output", out], {
    cwd: ROOT,
    env: { ...process.env, ...QUIET_ENV },
  });
  await writeFile(out, selfContained(await readFile(out, "utf8")));
  return out;
}
