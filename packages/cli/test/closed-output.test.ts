import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, open, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { connect, Secret } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { BIN, CRASH, sandboxEnv } from "./run.js";

let sandbox: RunningSandbox;
let env: Record<string, string>;
beforeAll(async () => {
  // 5,000 tokens per vendor: megabytes of table or JSON, far more than a pipe (64 kB) or a socket pair holds.
  sandbox = await startSandbox({ port: 0, seed: "closed-output", tokens: 5000 });
  env = sandboxEnv(sandbox);
});
afterAll(() => sandbox.close());

/**
 * Runs the built command with stdout on a pipe whose reader goes away: after the first chunk
 * (`head -c 100`), or before the command writes anything (`immediately`).
 */
async function closedReader(args: readonly string[], when: "first chunk" | "immediately", extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let read = 0;
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  if (when === "immediately") child.stdout.destroy();
  else
    child.stdout.once("data", (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
  const [code, signal] = await once(child, "close");
  return { code, signal, stderr, read };
}

describe("a reader that closes stdout early ends the command quietly", () => {
  it.each([
    { given: "list --json, reader gone after the first chunk", args: ["list", "--json"] },
    { given: "list (the table), reader gone after the first chunk", args: ["list"] },
  ])(
    "$given: no stack trace, no error text, exit 141",
    async ({ args }) => {
      const { code, stderr, read } = await closedReader(args, "first chunk");
      expect(read).toBeGreaterThan(0);
      expect(stderr).not.toMatch(CRASH);
      expect(stderr).toBe("");
      expect(code).toBe(EXIT.closed);
    },
    60_000,
  );

  it.each([
    {
      given: "create --show-secret",
      args: ["create", "timeweb", "--name", "closed-stdout", "--show-secret"],
      name: "closed-stdout",
    },
    {
      given: "create --json --show-secret",
      args: ["create", "timeweb", "--name", "closed-json", "--json", "--show-secret"],
      name: "closed-json",
    },
    {
      given: "rotate --json --show-secret (Timeweb reissue)",
      args: ["rotate", "timeweb", "<id>", "--json", "--show-secret"],
      name: "closed-json-rotated",
    },
  ])(
    "$given: the secret that could not reach stdout (alone, or inside the JSON document) is saved at the fallback place, exit 6",
    async ({ args, name }) => {
      const xdg = await mkdtemp(join(tmpdir(), "apitokens-closed-"));
      const vendors = connect({ timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb } });
      if (args.includes("<id>")) {
        const created = await vendors.timeweb.tokens.create({ name });
        args = args.map((arg) => (arg === "<id>" ? created.token.id : arg));
      }
      const { code, stderr } = await closedReader(args, "immediately", { XDG_CONFIG_HOME: xdg });
      expect(stderr).not.toMatch(CRASH);
      expect(code).toBe(EXIT.delivery);
      const files = await readdir(join(xdg, "apitokens", "recovered"));
      expect(files).toHaveLength(1);
      expect(stderr).toContain(join(xdg, "apitokens", "recovered", files[0] as string));
      const secret = (await readFile(join(xdg, "apitokens", "recovered", files[0] as string), "utf8")).trim();
      expect((await vendors.identify(new Secret(secret)))?.name).toBe(name);
    },
    60_000,
  );

  it("list --json into a full disk (/dev/full, ENOSPC): stderr says the output is incomplete, exit 74, no stack trace", async () => {
    const full = await open("/dev/full", "w");
    try {
      const child = spawn(process.execPath, [BIN, "list", "--json"], {
        env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...env },
        stdio: ["ignore", full.fd, "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
      const [code] = await once(child, "close");
      expect(stderr).not.toMatch(CRASH);
      expect(stderr).toContain("writing standard output failed (ENOSPC); the output is incomplete");
      expect(code).toBe(EXIT.outputFailed);
    } finally {
      await full.close();
    }
  }, 60_000);
});
