import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as core from "@apitokens/core";
import { startSandbox } from "@apitokens/sandbox";
import { describe, expect, it } from "vitest";
import { vendorsByKey } from "../src/generated/vendors.js";
import * as facade from "../src/index.js";

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const indexFile = join(packagesDir, "apitokens", "src", "index.ts");
// The modules' exports as plain records, to look names up by string.
const facadeExports: Record<string, unknown> = { ...facade };
const coreExports: Record<string, unknown> = { ...core };

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".js")).map((e) => join(e.parentPath, e.name));
}

describe("the facade as users get it", () => {
  it("works from a plain ESM consumer that imports it by name", async () => {
    const sandbox = await startSandbox({ port: 0, seed: "consumer" });
    try {
      const consumer = join(dirname(fileURLToPath(import.meta.url)), "consumer", "consumer.mjs");
      const { stdout } = await promisify(execFile)(process.execPath, [consumer, sandbox.url("dynatrace"), sandbox.credentials.dynatrace]);
      const result = JSON.parse(stdout) as {
        count: number;
        created: string;
        secretIsSecret: boolean;
        printed: string;
        notFound: boolean;
        internals: string[];
      };
      expect(result.count).toBeGreaterThan(0);
      expect(result.created).toMatch(/^dt0c01\.[A-Z0-9]{24}$/);
      expect(result.secretIsSecret).toBe(true);
      expect(result.printed).toBe("dt0c01…");
      expect(result.notFound).toBe(true);
      expect(result.internals).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it.each(["core", "timeweb", "qernal", "dynatrace", "sematext", "apitokens"])(
    "packages/%s ships no node: import and no Node global (browsers, Deno, Bun)",
    async (name) => {
      const files = await jsFiles(join(packagesDir, name, "dist"));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        // Comments may mention `process.env` in examples; only code counts.
        const code = (await readFile(file, "utf8")).replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
        expect(code, file).not.toMatch(/from\s+["']node:|import\(\s*["']node:|require\(\s*["']node:/);
        expect(code, file).not.toMatch(/\bprocess\.|\bBuffer\./);
      }
    },
  );
});

describe("the facade's surface, chosen on purpose", () => {
  it("names every export: no `export *` of a package (namespaces of a vendor's types aside)", async () => {
    const source = await readFile(indexFile, "utf8");
    expect(source).not.toMatch(/^export (type )?\*\s+from/m);
  });

  it.each([
    // The vendor-author interface: building a client, a vendor, a lifecycle.
    ...["createApiClient", "defineVendor", "createTokens", "answerLacks", "nonEmptyString", "signalOf", "toDate", "orUndefined"],
    ...["writeOutcome", "checkShape", "secretFormatsOf", "Redactor", "REDACTED", "withRetry", "withTimeout", "wire", "retryPolicy"],
    // Internals the facade once re-exported with `export *`.
    ...["PAGINATION", "assertSendable", "backoffDelay", "serializePath", "redactedCause", "retryAfterMs"],
    // A vendor's adapter and constants: reached through `connect()` and `vendors`.
    ...["dynatraceAdapter", "DYNATRACE_CAPABILITIES", "DYNATRACE_TOKEN_ENV", "SEMATEXT_REGIONS", "gitlabTokenId"],
  ])("keeps %s out of the facade", (name) => {
    expect(Object.keys(facadeExports)).not.toContain(name);
  });

  it("re-exports core's values as they are (no copies that would break `instanceof`)", () => {
    const shared = Object.keys(facadeExports).filter((name) => name in coreExports);
    expect(shared).toEqual(
      expect.arrayContaining(["ApiError", "NotFoundError", "Secret", "isApiError", "paginate", "unwrap", "DEFAULT_RETRY_POLICY"]),
    );
    for (const name of shared) expect(facadeExports[name], name).toBe(coreExports[name]);
  });

  it.each(Object.keys(vendorsByKey))("offers %s's client factory, as the registry lists it", (key) => {
    const factory = `create${key[0]?.toUpperCase()}${key.slice(1)}Client`;
    expect(typeof facadeExports[factory], factory).toBe("function");
  });

  it("keeps src/index.ts within a screen, naming a vendor only on that vendor's own export lines", async () => {
    const lines = (await readFile(indexFile, "utf8")).split("\n");
    // Past a screen, something belongs in @apitokens/core (STYLE.md, principle 8).
    expect(lines.length).toBeLessThanOrEqual(100);
    for (const key of Object.keys(vendorsByKey)) {
      const naming = lines.filter((line) => new RegExp(`\\b${key}`, "i").test(line));
      expect(naming.length, key).toBeGreaterThan(0);
      for (const line of naming) expect(line, key).toMatch(new RegExp(`^export .* from "@apitokens/${key}";$`));
    }
  });
});
