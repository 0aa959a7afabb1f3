import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The bench workspace. */
export const BENCH = resolve(ROOT, "bench");
/** Where bench-time output goes (gitignored). */
export const GENERATED = resolve(BENCH, ".generated");
/** Turbo's JS entry, run with this Node so no shell or npx lookup is timed. */
export const TURBO = resolve(ROOT, "node_modules/turbo/bin/turbo");

/**
 * Runs a command to completion and resolves with its output, exit code and wall time in ms;
 * rejects with the tail of its output when it exits with a code not in `okCodes`.
 *
 * @example const { ms, stdout } = await exec(process.execPath, [TURBO, "run", "build"]);
 */
export function exec(command, args, { cwd = ROOT, env = process.env, okCodes = [0] } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (okCodes.includes(code)) resolvePromise({ ms, code, stdout, stderr });
      else {
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-30).join("\n");
        reject(new Error(`${[command, ...args].join(" ")} exited with ${code}:\n${tail}`));
      }
    });
  });
}

/** Turbo's environment for bench runs: no colours, no telemetry prompt, no update notice. */
export const TURBO_ENV = {
  ...process.env,
  FORCE_COLOR: "0",
  NO_COLOR: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
};
