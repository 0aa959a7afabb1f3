import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RunningSandbox } from "@apitokens/sandbox";
import { connect } from "apitokens";

/** The built command, as users run it (the committed bin file npm links, which loads dist/bin.js). */
export const BIN = fileURLToPath(new URL("../bin/apitokens.js", import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `apitokens` as a child process with a clean environment (no inherited credentials). */
export function run(args: readonly string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...options.env },
      cwd: options.cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/** Environment variables that point the command at a running sandbox. */
export function sandboxEnv(sandbox: RunningSandbox): Record<string, string> {
  return {
    TWC_TOKEN: sandbox.credentials.timeweb,
    TWC_BASE_URL: sandbox.url("timeweb"),
    QERNAL_TOKEN: sandbox.credentials.qernal,
    QERNAL_HOST_CHAOS: sandbox.url("qernal"),
    QERNAL_HOST_HYDRA: sandbox.tokenUrl,
    DT_API_TOKEN: sandbox.credentials.dynatrace,
    DT_ENV_URL: sandbox.url("dynatrace").replace(/\/api\/v2$/, ""),
    SEMATEXT_API_KEY: sandbox.credentials.sematext,
    SEMATEXT_BASE_URL: sandbox.url("sematext"),
    SEMATEXT_APP_ID: sandbox.sematextApps.join(","),
  };
}

/** The library connected straight to a running sandbox's Timeweb, Dynatrace and Sematext (to set up and check what a command did). */
export function sandboxVendors(sandbox: RunningSandbox) {
  return connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace },
    sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps },
  });
}

/** Secret shapes of the four vendors: none may appear in output unless asked. */
export const SECRET_SHAPES = [
  /dt0[a-zA-Z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}/,
  /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/,
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@\S+/i,
];

/** A stack trace line, or the CLI's last-resort message: neither may appear in any output. */
export const CRASH = /\n\s+at \S|internal error|TypeError|RangeError|SyntaxError/;

/** Parses stdout as exactly one JSON document (fails on zero, two, or text around it). */
export function onlyJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}
