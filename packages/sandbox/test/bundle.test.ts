import { fileURLToPath } from "node:url";
import * as vm from "node:vm";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

// The package as a bundler sees it: `import { createSandbox } from "@apitokens/sandbox"`
// resolved through the package's export conditions for a browser and for a runtime-neutral
// target (workers). Node-only code must be unreachable from there, and the in-process
// sandbox must run where code generation from strings is refused (workerd, a strict CSP).

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const NODE_ONLY = /^node:|@hono[\\/]node-server/;

async function bundle(platform: "browser" | "neutral", format: "esm" | "iife" = "esm") {
  const result = await build({
    stdin: { contents: 'export { createSandbox } from "@apitokens/sandbox";', resolveDir: PACKAGE, loader: "js" },
    bundle: true,
    write: false,
    minify: true,
    format,
    platform,
    ...(format === "iife" ? { globalName: "sandboxModule" } : {}),
    // The neutral platform resolves no `main` fields by itself; the package has `exports`.
    ...(platform === "neutral" ? { mainFields: ["module", "main"] } : {}),
    metafile: true,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote nothing");
  return { code: output.text, metafile: result.metafile as Metafile };
}

describe.each(["browser", "neutral"] as const)("bundled for platform %s", (platform) => {
  it("reaches no node: module and not @hono/node-server", async () => {
    const { code, metafile } = await bundle(platform);
    const inputs = Object.keys(metafile.inputs);
    const imports = Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(inputs.filter((path) => NODE_ONLY.test(path))).toEqual([]);
    expect(imports.filter((path) => NODE_ONLY.test(path))).toEqual([]);
    expect(inputs.some((path) => path.endsWith("dist/index.js"))).toBe(true);
    expect(inputs.some((path) => /dist[\\/](start|node|bin)\.js$/.test(path))).toBe(false);
    expect(inputs.some((path) => /[\\/]ajv[\\/]/.test(path))).toBe(false);
    const size = { minified: code.length, gzipped: gzipSync(code).length };
    console.log(
      `@apitokens/sandbox browser entry (${platform}): ${(size.minified / 1024).toFixed(1)} kB minified, ${(size.gzipped / 1024).toFixed(1)} kB gzipped`,
    );
    expect(size.gzipped).toBeGreaterThan(0);
  });
});

describe("where code generation from strings is refused", () => {
  it("createSandbox answers, validating requests and responses", async () => {
    const { code } = await bundle("browser", "iife");
    // The globals a worker runtime has; eval and new Function throw, as on workerd.
    const context = vm.createContext(
      {
        ...Object.fromEntries(
          [
            "fetch",
            "Request",
            "Response",
            "Headers",
            "URL",
            "URLSearchParams",
            "TextEncoder",
            "TextDecoder",
            "ReadableStream",
            "AbortController",
            "AbortSignal",
            "Event",
            "EventTarget",
            "DOMException",
            "crypto",
            "atob",
            "btoa",
            "setTimeout",
            "clearTimeout",
            "queueMicrotask",
            "structuredClone",
            "console",
          ].map((name) => [name, (globalThis as Record<string, unknown>)[name]]),
        ),
      },
      { codeGeneration: { strings: false, wasm: false } },
    );
    expect(() => vm.runInContext('new Function("return 1")()', context)).toThrow(/Code generation from strings disallowed/);
    vm.runInContext(code, context);
    const run = vm.runInContext(
      `(async () => {
        const sandbox = sandboxModule.createSandbox({ seed: "csp", validateResponses: true });
        const auth = { authorization: "Api-Token " + sandbox.credentials.dynatrace, "content-type": "application/json" };
        const list = await sandbox.fetch(sandbox.url("dynatrace") + "/apiTokens?pageSize=100", { headers: auth });
        const bad = await sandbox.fetch(sandbox.url("dynatrace") + "/apiTokens?pageSize=7", { headers: auth });
        const created = await sandbox.fetch(sandbox.url("dynatrace") + "/apiTokens", { method: "POST", headers: auth, body: JSON.stringify({ name: "csp", scopes: ["metrics.read"] }) });
        return { list: list.status, total: (await list.json()).totalCount, bad: bad.status, created: created.status, violations: [...sandbox.violations] };
      })()`,
      context,
    ) as Promise<unknown>;
    expect(await run).toEqual({ list: 200, total: 61, bad: 400, created: 201, violations: [] });
  });
});
