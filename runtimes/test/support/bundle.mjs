// Bundles a smoke entry with esbuild for a platform without Node's modules (a page, a worker).
import { build } from "esbuild";

/**
 * The bundled code, or an Error listing what esbuild could not resolve or compile.
 *
 * @param {string} entry
 * @param {readonly string[]} conditions export conditions to prefer, e.g. ["workerd", "worker", "browser"]
 * @returns {Promise<string>}
 * @example const code = await bundle("smoke/browser.mjs", ["browser"]);
 */
export async function bundle(entry, conditions) {
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: [...conditions],
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    return result.outputFiles[0].text;
  } catch (error) {
    const messages = (error.errors ?? []).map((e) => `${e.text}${e.location ? ` (${e.location.file}:${e.location.line})` : ""}`);
    throw new Error(`esbuild could not bundle ${entry} for ${conditions.join("/")}:\n  ${messages.join("\n  ") || error.message}`);
  }
}
