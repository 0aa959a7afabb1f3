import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** What a script printed and how it ended. */
export interface ScriptRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A throw-away git repository for a script under test. */
export interface TempRepo {
  readonly dir: string;
  write(path: string, text: string): void;
  remove(path: string): void;
  commit(message: string): void;
  /** Runs `scripts/<script>` with `dir` as the working directory. */
  run(script: string, args?: readonly string[], env?: NodeJS.ProcessEnv): ScriptRun;
  cleanup(): void;
}

const SCRIPTS_DIR = join(import.meta.dirname, "..");

/**
 * A new git repository in the temp folder, on branch `main`, with a local identity (no
 * global config needed, no signing).
 *
 * @example
 * const repo = tempRepo(); repo.write("specs/a.yaml", text); repo.commit("spec");
 * repo.run("spec-diff.mjs", ["--base", "HEAD"]);
 */
export function tempRepo(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), "apitokens-scripts-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe", encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "test");
  git("config", "user.email", "test@example.invalid");
  git("config", "commit.gpgsign", "false");
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove(path) {
      rmSync(join(dir, path));
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
    },
    run(script, args = [], env = {}) {
      const result = spawnSync(process.execPath, [join(SCRIPTS_DIR, script), ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, CHANGESET_BASE: "", ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
