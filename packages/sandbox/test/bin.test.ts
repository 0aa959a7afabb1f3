import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Starts the built command and collects its output. */
function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const output = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (stdout.includes(text) ? resolve(stdout) : undefined);
      child.stdout?.on("data", check);
      child.on("exit", () => reject(new Error(`exited before printing ${text}: ${stdout}${stderr}`)));
      check();
    });
  return { child, exited, output, stderr: () => stderr, stdout: () => stdout };
}

describe("apitokens-sandbox", () => {
  it("is an executable script", async () => {
    const { readFile } = await import("node:fs/promises");
    expect((await readFile(BIN, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("starts in the foreground, serves what it prints, and exits 0 on SIGINT", async () => {
    const run = start(["--port", "0", "--json"]);
    const line = (await run.output("\n")).split("\n")[0] ?? "";
    const printed = JSON.parse(line) as {
      urls: Record<string, string>;
      credentials: Record<string, string>;
      tokenUrl: string;
      sematextApps: number[];
    };
    expect(printed.urls.dynatrace).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dynatrace\/api\/v2$/);
    expect(printed.tokenUrl).toMatch(/\/qernal\/oauth2\/token$/);
    expect(printed.sematextApps).toHaveLength(3);
    const response = await fetch(`${printed.urls.dynatrace}/apiTokens`, {
      headers: { authorization: `Api-Token ${printed.credentials.dynatrace}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { totalCount: number }).totalCount).toBeGreaterThan(1);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    await expect(fetch(`${printed.urls.dynatrace}/apiTokens`)).rejects.toThrow();
  });

  it("prints every vendor's URL and credential, and exits 0 on SIGTERM", async () => {
    const run = start(["--port", "0", "--seed", "bin", "--tokens", "dynatrace=5,timeweb=2"]);
    const text = await run.output("Press Ctrl-C to stop.");
    expect(text).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(seed "bin"\)/);
    for (const pattern of [
      /dynatrace {2}http:\/\/127\.0\.0\.1:\d+\/dynatrace\/api\/v2/,
      /Authorization: Api-Token dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}/,
      /qernal {5}http:\/\/127\.0\.0\.1:\d+\/qernal\/v1/,
      /token [0-9a-f-]{36}@\S+/,
      /sematext {3}http:\/\/127\.0\.0\.1:\d+\/sematext {3}apps \d+, \d+, \d+/,
      /timeweb {4}http:\/\/127\.0\.0\.1:\d+\/timeweb/,
      /Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+/,
    ]) {
      expect(text).toMatch(pattern);
    }
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("stopped (SIGTERM)");
  });

  it("answers CORS preflights with --cors, and not without", async () => {
    for (const [args, want] of [
      [["--cors"], "*"],
      [[], null],
    ] as const) {
      const run = start(["--port", "0", "--json", ...args]);
      const printed = JSON.parse((await run.output("\n")).split("\n")[0] ?? "") as { origin: string };
      const response = await fetch(`${printed.origin}/timeweb/api/v1/auth/api-keys`, {
        method: "OPTIONS",
        headers: {
          origin: "http://page.example",
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
      expect(response.headers.get("access-control-allow-origin")).toBe(want);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    }
  });

  it("explains itself on --help and refuses unknown flags with exit code 2", async () => {
    const help = start(["--help"]);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toContain("Usage: apitokens-sandbox");
    const wrong = start(["--bogus"]);
    expect(await wrong.exited).toBe(2);
    expect(wrong.stderr()).toContain("Usage: apitokens-sandbox");
    const badTokens = start(["--tokens", "nobody=3"]);
    expect(await badTokens.exited).toBe(2);
    expect(badTokens.stderr()).toContain("--tokens expects vendor=count pairs");
  });
});
