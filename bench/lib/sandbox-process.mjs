import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./exec.mjs";

/** The `apitokens-sandbox` command, run with this Node. */
export const SANDBOX_BIN = resolve(ROOT, "packages/sandbox/bin/apitokens-sandbox.js");

/**
 * Starts `apitokens-sandbox --port 0 --json <args>` in a child process (its own core and event
 * loop, as users run it) and resolves with the JSON document it prints (origin, every vendor's
 * connect options) and a `stop()`.
 *
 * @example const { doc, stop } = await startSandboxProcess(["--tokens", "20000", "--latency", "20"]);
 */
export async function startSandboxProcess(args = []) {
  const child = spawn(process.execPath, [SANDBOX_BIN, "--port", "0", "--json", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`apitokens-sandbox exited with ${code} before it printed its connect options`);
  });
  const [line] = await Promise.race([once(lines, "line"), exited]);
  exited.catch(() => undefined);
  const doc = JSON.parse(line);
  return {
    doc,
    child,
    async stop() {
      lines.close();
      if (child.exitCode !== null) return;
      child.kill();
      await once(child, "exit");
    },
  };
}
