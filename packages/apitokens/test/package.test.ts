import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSandbox } from "@apitokens/sandbox";
import { describe, expect, it } from "vitest";

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

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
      const result = JSON.parse(stdout) as { count: number; created: string; secretIsSecret: boolean; printed: string; notFound: boolean };
      expect(result.count).toBeGreaterThan(0);
      expect(result.created).toMatch(/^dt0c01\.[A-Z0-9]{24}$/);
      expect(result.secretIsSecret).toBe(true);
      expect(result.printed).toBe("dt0c01…");
      expect(result.notFound).toBe(true);
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
