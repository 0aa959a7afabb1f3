// CLI start: `apitokens --help` and `apitokens list --json` (one vendor configured, against a
// started sandbox) against their floors, hyperfine-style: every command run many times in
// interleaved rounds (the order rotates each round), after warm-up runs; wall time from spawn
// to exit. Run by run.mjs in a fresh process; prints JSON when run alone.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { reportToParent } from "../lib/child.mjs";
import { BENCH, exec, ROOT } from "../lib/exec.mjs";
import { startSandboxProcess } from "../lib/sandbox-process.mjs";
import { median, percentile } from "../lib/stats.mjs";

/** Runs, as data. */
export const CLI_START_SETTINGS = Object.freeze({
  /** Untimed runs of every command first (disk cache, the sandbox's JIT). */
  warmup: 3,
  /** Timed runs of every command, one per round. */
  rounds: 25,
});

const CLI = resolve(ROOT, "packages/cli/bin/apitokens.js");

reportToParent(async () => {
  const sandbox = await startSandboxProcess();
  const home = await mkdtemp(join(tmpdir(), "apitokens-bench-"));
  try {
    const dynatrace = sandbox.doc.vendors.dynatrace.default;
    // One vendor configured the way users do it: its environment variables, no config file.
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      NO_COLOR: "1",
      DT_API_TOKEN: dynatrace.token,
      DT_ENV_URL: dynatrace.baseUrl.replace(/\/api\/v2$/, ""),
    };
    const commands = [
      { id: "node", name: "node -e 0", args: ["-e", "0"] },
      { id: "help", name: "apitokens --help", args: [CLI, "--help"], floor: "node" },
      {
        id: "list-floor",
        name: "floor: node + the same requests with fetch, JSON out",
        args: [resolve(BENCH, "cli-start/floor-list.mjs")],
      },
      { id: "list", name: "apitokens list --json (Dynatrace configured)", args: [CLI, "list", "--json"], floor: "list-floor" },
    ];
    const tokens = new Map();
    for (const command of commands)
      for (let i = 0; i < CLI_START_SETTINGS.warmup; i++) {
        const { stdout } = await exec(process.execPath, command.args, { env });
        if (command.id.startsWith("list")) tokens.set(command.id, JSON.parse(stdout).tokens.length);
      }
    if (tokens.get("list") !== tokens.get("list-floor"))
      throw new Error(`the CLI listed ${tokens.get("list")} tokens and the floor ${tokens.get("list-floor")}`);
    const samples = new Map(commands.map((c) => [c.id, []]));
    for (let round = 0; round < CLI_START_SETTINGS.rounds; round++) {
      for (let i = 0; i < commands.length; i++) {
        const command = commands[(i + round) % commands.length];
        samples.get(command.id).push((await exec(process.execPath, command.args, { env })).ms);
      }
    }
    return {
      settings: { ...CLI_START_SETTINGS, tokens: tokens.get("list"), node: process.version },
      commands: commands.map(({ id, name, floor }) => {
        const ms = samples.get(id);
        return {
          id,
          name,
          floor,
          medianMs: median(ms),
          p10Ms: percentile(ms, 0.1),
          p90Ms: percentile(ms, 0.9),
          meanMs: ms.reduce((a, b) => a + b, 0) / ms.length,
          runs: ms.length,
        };
      }),
    };
  } finally {
    await sandbox.stop();
    await rm(home, { recursive: true, force: true });
  }
});
