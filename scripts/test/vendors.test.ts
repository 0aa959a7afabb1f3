import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A vendor is its spec, its package (client + lifecycle adapter) and its sandbox emulator.
// Every other layer learns about it from data; this test fails when a layer does not know a
// vendor, or keeps a list of vendors of its own.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const keys = readdirSync(join(root, "specs"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.slice(0, -".yaml".length))
  .sort();

const read = (path: string) => readFileSync(join(root, path), "utf8");

describe.each(keys)("vendor %s", (key) => {
  it("has its package, exporting its definition", () => {
    const pkg = JSON.parse(read(`packages/${key}/package.json`)) as { name: string };
    expect(pkg.name).toBe(`@apitokens/${key}`);
    expect(read(`packages/${key}/src/index.ts`)).toMatch(/export \{ vendor \} from "\.\/vendor\.js"/);
  });

  it("is known to the facade (dependency and the generated list)", () => {
    const facade = JSON.parse(read("packages/apitokens/package.json")) as { dependencies: Record<string, string> };
    expect(Object.keys(facade.dependencies)).toContain(`@apitokens/${key}`);
    expect(read("packages/apitokens/src/generated/vendors.ts")).toContain(`from "@apitokens/${key}"`);
  });

  it("has a sandbox emulator", () => {
    const dir = join(root, "packages", "sandbox", "src", "vendors", key);
    expect(existsSync(dir) && statSync(dir).isDirectory()).toBe(true);
  });

  it("gets a docs page (the docs glob specs/)", async () => {
    const site = (await import(join(root, "docs", "scripts", "site.mjs"))) as { vendors(): string[] };
    expect(site.vendors()).toContain(key);
  });
});

/** Files of the layers above the vendors, outside vendor folders and generated code. */
function layerFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (name === "generated" || name === "node_modules" || name === "dist") continue;
      if (statSync(full).isDirectory()) {
        // An emulator's own folder is vendor code.
        if (relative(root, path) === join("packages", "sandbox", "src", "vendors") && keys.includes(name)) continue;
        walk(full);
      } else if (/\.(ts|mjs|js)$/.test(name)) out.push(full);
    }
  };
  if (existsSync(join(root, dir))) walk(join(root, dir));
  return out;
}

describe("no layer keeps its own list of vendors", () => {
  const layers = ["packages/apitokens/src", "packages/cli/src", "packages/core/src", "packages/sandbox/src", "docs/scripts"];
  const literal = new RegExp(`["'\`](${keys.join("|")})["'\`]`, "g");

  it.each(layers)("%s names at most two vendors per file, outside comments", (layer) => {
    const offenders: string[] = [];
    for (const file of layerFiles(layer)) {
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      const named = new Set([...code.matchAll(literal)].map((m) => m[1]));
      if (named.size >= 3) offenders.push(`${relative(root, file)} (${[...named].sort().join(", ")})`);
    }
    expect(offenders).toEqual([]);
  });
});
