import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/apitokens-sandbox.js", import.meta.url));
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
  it("is an executable script that npm can link before dist/ exists", async () => {
    const { readFile, stat } = await import("node:fs/promises");
    const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { bin: Record<string, string> };
    expect(manifest.bin).toEqual({ "apitokens-sandbox": "./bin/apitokens-sandbox.js" });
    expect((await readFile(BIN, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect((await stat(BIN)).mode & 0o111).not.toBe(0);
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

  it("prints every vendor's connect options, and exits 0 on SIGTERM", async () => {
    const run = start(["--port", "0", "--seed", "bin", "--tokens", "dynatrace=5,timeweb=2"]);
    const text = await run.output("Press Ctrl-C to stop.");
    expect(text).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(seed "bin"\)/);
    for (const pattern of [
      /dynatrace {11}baseUrl {3}http:\/\/127\.0\.0\.1:\d+\/dynatrace\/api\/v2\n {22}token {5}dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}\n/,
      /qernal {14}baseUrl {3}http:\/\/127\.0\.0\.1:\d+\/qernal\/v1\n {22}token {5}[0-9a-f-]{36}@\S+\n {22}tokenUrl {2}http:\/\/127\.0\.0\.1:\d+\/qernal\/oauth2\/token\n/,
      /sematext {12}baseUrl {3}http:\/\/127\.0\.0\.1:\d+\/sematext\n {22}token {5}[0-9a-f-]{36}\n {22}appId {5}\d+, \d+, \d+\n/,
      /timeweb {13}baseUrl {3}http:\/\/127\.0\.0\.1:\d+\/timeweb\n {22}token {5}[\w-]+\.[\w-]+\.[\w-]+\n/,
      /gitlab {14}baseUrl {3}http:\/\/127\.0\.0\.1:\d+\/gitlab\/api\/v4\n/,
    ]) {
      expect(text).toMatch(pattern);
    }
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("stopped (SIGTERM)");
  });

  it("prints connect options that work as they are, with --tokens for every vendor, --accounts and --latency", async () => {
    const run = start(["--port", "0", "--json", "--tokens", "30", "--accounts", "dynatrace=prod+staging", "--latency", "5"]);
    const printed = JSON.parse((await run.output("\n")).split("\n")[0] ?? "") as {
      vendors: Record<string, Record<string, { baseUrl: string; token: string; tokenUrl?: string }>>;
    };
    expect(Object.keys(printed.vendors.dynatrace ?? {})).toEqual(["prod", "staging"]);
    for (const account of ["prod", "staging"]) {
      const { baseUrl, token } = printed.vendors.dynatrace?.[account] ?? { baseUrl: "", token: "" };
      expect(baseUrl).toMatch(new RegExp(`/dynatrace/${account}/api/v2$`));
      const list = await fetch(`${baseUrl}/apiTokens`, { headers: { authorization: `Api-Token ${token}` } });
      expect(((await list.json()) as { totalCount: number }).totalCount).toBe(31);
    }
    // Qernal: exchange at the printed token URL, then list at the printed base URL.
    const qernal = printed.vendors.qernal?.default ?? { baseUrl: "", token: "", tokenUrl: "" };
    const [id = "", secret = ""] = qernal.token.split("@");
    const exchanged = await fetch(qernal.tokenUrl ?? "", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret }),
    });
    const { access_token } = (await exchanged.json()) as { access_token: string };
    const listed = await fetch(`${qernal.baseUrl}/auth/tokens`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(listed.status).toBe(200);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
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
    expect(badTokens.stderr()).toContain("--tokens expects a count or vendor=count pairs");
    const badLatency = start(["--latency", "soon"]);
    expect(await badLatency.exited).toBe(2);
    expect(badLatency.stderr()).toContain('--latency must be a number of milliseconds >= 0, got "soon"');
  });
});
