import { execFile } from "node:child_process";

/**
 * @typedef {{ code: number | null, signal: string | null, stdout: string, stderr: string, ms: number, spawnError?: string }} RunResult
 */

/**
 * Runs a program to its end and never throws: the exit code, both outputs and the wall time.
 *
 * @param {string} file
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<RunResult>}
 * @example const { code, stdout } = await run(process.execPath, ["--version"]);
 */
export function run(file, args, options = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 120_000 },
      (error, stdout, stderr) => {
        const ms = Math.round(performance.now() - started);
        const spawnError = error && typeof error.code === "string" ? `${error.code}: ${error.message}` : undefined;
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : null) : 0,
          signal: error?.signal ?? null,
          stdout: String(stdout),
          stderr: String(stderr),
          ms,
          ...(spawnError ? { spawnError } : {}),
        });
      },
    );
  });
}

/**
 * The JSON after `prefix ` on a line of `output`, or undefined when no line carries it.
 *
 * @example reportLine("noise\nSMOKE {\"ok\":true}", "SMOKE") // → { ok: true }
 */
export function reportLine(output, prefix) {
  const line = output.split("\n").find((l) => l.startsWith(`${prefix} `));
  return line === undefined ? undefined : JSON.parse(line.slice(prefix.length + 1));
}

/** The last lines of a program's output, for a failure message. */
export function tail(text, lines = 12) {
  return text.trim().split("\n").slice(-lines).join("\n");
}

/**
 * The environment for an npm command run from inside an npm script, without the `npm_*`
 * variables that would point it back at this workspace (`npm_config_local_prefix`, …).
 */
export function cleanNpmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== "INIT_CWD"));
}

/**
 * Runs npm (the one running this script when there is one) outside the workspace's settings.
 *
 * @example await npm(["pack", "--json"], { cwd });
 */
export function npm(args, options = {}) {
  const cli = process.env.npm_execpath;
  const [file, prefix] = cli?.endsWith(".js") ? [process.execPath, [cli]] : ["npm", []];
  return run(file, [...prefix, ...args], { ...options, env: cleanNpmEnv() });
}
