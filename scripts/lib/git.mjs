/** The few git questions the repository scripts ask, with errors that say what to do. */
import { execFileSync } from "node:child_process";

/**
 * Runs git in `cwd` and returns its stdout.
 *
 * @param {string} cwd
 * @param {readonly string[]} args
 * @example git(".", ["rev-parse", "HEAD"])
 */
export function git(cwd, args) {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * The top folder of the work tree that holds `cwd`.
 *
 * @param {string} cwd
 */
export function repositoryRoot(cwd) {
  return git(cwd, ["rev-parse", "--show-toplevel"]).trim();
}

/**
 * The commit a ref names, or `undefined` when there is none (an unknown branch, `HEAD~1` in a
 * repository with one commit or a shallow clone).
 *
 * @param {string} root
 * @param {string} ref
 * @returns {string | undefined}
 */
export function resolveCommit(root, ref) {
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file's content at a commit, or `undefined` when it did not exist there.
 *
 * @param {string} root
 * @param {string} commit
 * @param {string} path Relative to the repository root, `/`-separated.
 * @returns {string | undefined}
 */
export function fileAt(root, commit, path) {
  try {
    return git(root, ["show", `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

/**
 * Files under `path` at a commit (relative to the root).
 *
 * @param {string} root
 * @param {string} commit
 * @param {string} path
 * @returns {string[]}
 */
export function filesAt(root, commit, path) {
  return git(root, ["ls-tree", "-r", "--name-only", commit, "--", path]).split("\n").filter(Boolean);
}
