#!/usr/bin/env node
/**
 * What a release would publish, without publishing: every package under `packages/` that is not
 * private, found from the packages' own `package.json` (no list kept by hand), built, then
 * `changeset status` and `npm pack --dry-run` for each.
 *
 *   npm run release:dry
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The publishable workspace packages' names, in directory order. */
export function publishablePackages() {
  return readdirSync(join(root, "packages"))
    .sort()
    .flatMap((dir) => {
      try {
        const pkg = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
        return pkg.private ? [] : [pkg.name];
      } catch {
        return [];
      }
    });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = publishablePackages();
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });
  run("npx", ["turbo", "run", "build", ...names.map((n) => `--filter=${n}`)]);
  run("npx", ["changeset", "status", "--verbose"]);
  run("npm", ["pack", "--dry-run", ...names.flatMap((n) => ["-w", n])]);
}
