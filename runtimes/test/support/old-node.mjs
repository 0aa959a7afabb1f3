// The oldest Node that the root `engines` field allows, as the npm registry ships it
// (`node-<platform>-<arch>`). It is not a devDependency on purpose: that package's `bin` is
// `node`, so installing it would put a second `node` in node_modules/.bin and change the Node
// that every npm script of the repository runs. It is unpacked into a cache outside the repo.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./process.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** `>=20.19.0` in the root package.json → `20.19.0`. */
export function oldestFromEngines(range) {
  const match = /^>=\s*(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (!match) throw new Error(`engines.node is "${range}": expected ">=X.Y.Z"`);
  return match[1];
}

/**
 * The oldest supported Node as a runtime of the matrix, or the reason it is skipped.
 *
 * @returns {Promise<{ name: string, version: string, command: (file: string) => [string, string[]] } | { name: string, skip: string }>}
 */
export async function oldestSupportedNode() {
  const version = oldestFromEngines(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).engines.node);
  const name = "node (oldest supported)";
  if (process.versions.node === version) return { name, skip: `the Node in use is already ${version}, the oldest supported` };
  const pkg = `node-${process.platform}-${process.arch}`;
  const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "apitokens-runtimes", `${pkg}-${version}`);
  const binary = join(cache, "package", "bin", "node");
  if (!existsSync(binary)) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ["npm", []];
    const packed = await run(npm[0], [...npm[1], "pack", `${pkg}@${version}`, "--pack-destination", cache, "--silent"], { cwd: cache });
    const tarball = packed.stdout.trim().split("\n").at(-1);
    if (packed.code !== 0 || !tarball) {
      return {
        name,
        skip: `${pkg}@${version} could not be fetched from the npm registry: ${(packed.spawnError ?? packed.stderr).trim().split("\n")[0]}`,
      };
    }
    const unpacked = await run("tar", ["-xzf", join(cache, tarball), "-C", cache]);
    rmSync(join(cache, tarball), { force: true });
    if (unpacked.code !== 0 || !existsSync(binary))
      return { name, skip: `${pkg}@${version} could not be unpacked: ${unpacked.stderr.trim()}` };
  }
  const answer = await run(binary, ["--version"]);
  if (answer.code !== 0) return { name, skip: `node ${version} does not start: ${(answer.spawnError ?? answer.stderr).trim()}` };
  return { name, version: answer.stdout.trim().replace(/^v/, ""), command: (file) => [binary, [file]] };
}
