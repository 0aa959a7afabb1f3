// The JavaScript runtimes that run a module file (Node, Bun, Deno): where each comes from and
// how it is started. Bun and Deno are devDependencies of this workspace (their npm packages
// carry the binaries); the oldest supported Node comes from old-node.mjs.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { oldestSupportedNode } from "./old-node.mjs";
import { run } from "./process.mjs";

const require = createRequire(import.meta.url);

/**
 * @typedef {{ net?: boolean }} Permissions  what the program may do beyond reading files (Deno asks)
 * @typedef {{ name: string, version: string, command: (file: string, permissions?: Permissions) => [string, string[]] }} Runtime
 * @typedef {{ name: string, skip: string }} Unavailable
 */

/** The binary a runtime's npm package installs, or why there is none. */
function binaryOf(pkg, file) {
  try {
    const path = join(dirname(require.resolve(`${pkg}/package.json`)), file);
    return existsSync(path) ? { path } : { skip: `${pkg}'s package has no ${file} (its install script did not run?)` };
  } catch (error) {
    return { skip: `${pkg} is not installed (npm ci installs it): ${error.message.split("\n")[0]}` };
  }
}

/** A runtime whose `--version` answers, or the reason it cannot start. */
async function started(name, binary, versionOf, args) {
  if ("skip" in binary) return { name, skip: binary.skip };
  const answer = await run(binary.path, ["--version"], { timeoutMs: 60_000 });
  if (answer.code !== 0) return { name, skip: `${name} does not start: ${(answer.spawnError ?? answer.stderr).trim().split("\n")[0]}` };
  return { name, version: versionOf(answer.stdout), command: (file, permissions = {}) => [binary.path, args(file, permissions)] };
}

/**
 * Node (the one in use and the oldest that `engines` allows), Bun and Deno.
 *
 * @returns {Promise<(Runtime | Unavailable)[]>}
 * @example for (const runtime of await moduleRuntimes()) if (!("skip" in runtime)) run(...runtime.command("main.mjs"));
 */
export async function moduleRuntimes() {
  const node = { name: "node", version: process.versions.node, command: (file) => [process.execPath, [file]] };
  const bun = started(
    "bun",
    binaryOf("bun", "bin/bun.exe"),
    (out) => out.trim(),
    (file) => [file],
  );
  // Only what the program needs: reading node_modules, and the loopback for the redirect test.
  const deno = started(
    "deno",
    binaryOf("deno", "deno"),
    (out) => /deno (\S+)/.exec(out)?.[1] ?? out.trim(),
    (file, { net }) => ["run", "--no-prompt", "--allow-read", "--allow-env", ...(net ? ["--allow-net=127.0.0.1"] : []), file],
  );
  return [node, ...(await Promise.all([oldestSupportedNode(), bun, deno]))];
}
