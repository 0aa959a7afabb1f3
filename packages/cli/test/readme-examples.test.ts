import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRASH, run, SECRET_SHAPES } from "./run.js";

const README = fileURLToPath(new URL("../../../README.md", import.meta.url));

/** The code blocks of the root README's "Examples" section, by language. */
async function examples(): Promise<{ lang: string; code: string }[]> {
  const text = await readFile(README, "utf8");
  const section = /^## Examples\n([\s\S]*?)^## /m.exec(text)?.[1] ?? "";
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? "", code: m[2] ?? "" }));
}

let sandbox: RunningSandbox;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  // What `npx apitokens-sandbox` starts: the seed "demo".
  sandbox = await startSandbox({ port: 0, seed: "demo" });
  const dynatrace = sandbox.url("dynatrace");
  env = {
    TWC_TOKEN: sandbox.credentials.timeweb,
    TWC_BASE_URL: sandbox.url("timeweb"),
    DT_API_TOKEN: sandbox.credentials.dynatrace,
    DT_ENV_URL: dynatrace.slice(0, -"/api/v2".length),
    SEMATEXT_API_KEY: sandbox.credentials.sematext,
    SEMATEXT_BASE_URL: sandbox.url("sematext"),
    SEMATEXT_APP_ID: String(sandbox.sematextApps[0]),
  };
  dir = await mkdtemp(join(tmpdir(), "apitokens-readme-"));
});
afterAll(() => sandbox.close());

describe("the root README's examples run as written against the sandbox", () => {
  it("has a TypeScript and a shell example", async () => {
    expect((await examples()).map((e) => e.lang)).toEqual(["ts", "sh"]);
  });

  it("the TypeScript example", async () => {
    const code = (await examples()).find((e) => e.lang === "ts")?.code ?? "";
    // Inside the package's node_modules (ignored by git and Biome, which may be linting while this
    // runs), so `apitokens` resolves as it does for a user who installed it.
    const cache = fileURLToPath(new URL("../node_modules/.cache/readme-examples/", import.meta.url));
    await mkdir(cache, { recursive: true });
    const file = join(cache, `example-${process.pid}.mjs`);
    await writeFile(file, code);
    try {
      const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("error", reject);
        child.on("close", (c) => resolve({ code: c, out }));
      });
      expect(result.out).not.toMatch(CRASH);
      expect(result.code).toBe(0);
      expect(result.out.trim().split("\n").at(-1)).toMatch(/^ci \S{6}… \S{6}…$/);
      for (const shape of SECRET_SHAPES) expect(result.out).not.toMatch(shape);
    } finally {
      await rm(file, { force: true });
    }
  });

  it("the shell example, line by line", async () => {
    const code = (await examples()).find((e) => e.lang === "sh")?.code ?? "";
    const lines = code
      .split("\n")
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter(Boolean);
    expect(lines[0]).toMatch(/^export APITOKENS_SANDBOX_URL=http:\/\/127\.0\.0\.1:4747$/);
    const commands = lines.slice(1);
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const line of commands) {
      const [program, ...args] = line.split(/\s+/);
      expect(program).toBe("apitokens");
      // The only change: the port this test's sandbox got instead of 4747.
      const result = await run(args, { env: { APITOKENS_SANDBOX_URL: sandbox.origin }, cwd: dir });
      expect(result.stderr, line).not.toMatch(CRASH);
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
    }
  });
});
