/** Runs a command and collects its output, so parallel builds do not interleave their logs. */
import { spawn } from "node:child_process";

/**
 * Runs `command args`, resolving with its combined output; rejects with that output when it
 * exits non-zero.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<string>}
 * @example await run(process.execPath, ["--version"]) // "v20.19.0\n"
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${[command, ...args].join(" ")} exited with ${code}\n${output}`));
    });
  });
}
