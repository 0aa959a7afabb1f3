// The publishable packages, discovered from packages/*/package.json (every one not marked
// "private"), and whether turbo builds each before this workspace's test.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** Every workspace package under packages/, by name: its folder and manifest. */
function workspacePackages() {
  const dir = join(ROOT, "packages");
  return new Map(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        try {
          const manifest = readJson(join(dir, entry.name, "package.json"));
          return [[manifest.name, { dir: join(dir, entry.name), manifest }]];
        } catch {
          return [];
        }
      }),
  );
}

/**
 * @returns {{ name: string, dir: string }[]} the packages `npm publish` would publish
 * @example publishable().map((p) => p.name) // ["apitokens", "@apitokens/cli", …]
 */
export function publishable() {
  return [...workspacePackages()].filter(([, p]) => p.manifest.private !== true).map(([name, p]) => ({ name, dir: p.dir }));
}

/**
 * The workspace packages this workspace depends on, directly or through them: turbo's
 * `^build` builds exactly these before the test runs.
 */
export function builtBeforeTest() {
  const all = workspacePackages();
  const seen = new Set();
  const visit = (manifest) => {
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      const found = all.get(name);
      if (found && !seen.has(name)) {
        seen.add(name);
        visit(found.manifest);
      }
    }
  };
  visit(readJson(join(ROOT, "runtimes", "package.json")));
  return seen;
}
