// workerd, the Workers runtime, from its npm package: a bundled module runs under `workerd test`,
// which calls its `test` handler with no socket opened.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { run } from "./process.mjs";

const require = createRequire(import.meta.url);

/** The Workers compatibility date the module runs under: web APIs only, no `nodejs_compat`. */
export const COMPATIBILITY_DATE = "2026-11-01";

/** The workerd binary and its version, or why it cannot start. */
export async function workerd() {
  let path;
  try {
    path = join(dirname(require.resolve("workerd/package.json")), "bin", "workerd");
  } catch (error) {
    return { name: "workerd", skip: `workerd is not installed (npm ci installs it): ${error.message.split("\n")[0]}` };
  }
  const answer = await run(path, ["--version"], { timeoutMs: 60_000 });
  if (answer.code !== 0)
    return { name: "workerd", skip: `workerd does not start: ${(answer.spawnError ?? answer.stderr).trim().split("\n")[0]}` };
  return { name: "workerd", version: answer.stdout.trim().replace(/^workerd /, ""), path };
}

/**
 * Runs a bundled ES module's `test` handler in workerd and returns what it printed.
 *
 * @param {string} path the workerd binary
 * @param {string} code the bundled module
 */
export async function runInWorkerd(path, code) {
  const dir = await mkdtemp(join(tmpdir(), "apitokens-workerd-"));
  try {
    await writeFile(join(dir, "worker.js"), code);
    await writeFile(
      join(dir, "config.capnp"),
      [
        'using Workerd = import "/workerd/workerd.capnp";',
        'const config :Workerd.Config = (services = [(name = "smoke", worker = .smoke)]);',
        `const smoke :Workerd.Worker = (modules = [(name = "worker.js", esModule = embed "worker.js")], compatibilityDate = "${COMPATIBILITY_DATE}");`,
        "",
      ].join("\n"),
    );
    return await run(path, ["test", "--verbose", join(dir, "config.capnp")], { cwd: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
