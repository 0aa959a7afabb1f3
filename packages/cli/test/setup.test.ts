import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, onlyJson, run } from "./run.js";

const PACKAGE = fileURLToPath(new URL("../package.json", import.meta.url));
const ROOT_PACKAGE = fileURLToPath(new URL("../../../package.json", import.meta.url));
const HOOK = new URL("./load-hook.mjs", import.meta.url).href;
const REPORT = fileURLToPath(new URL("./load-report.cjs", import.meta.url));

const BUNDLE_META = fileURLToPath(new URL("../bundle/meta.json", import.meta.url));

/** The workspace packages whose code each file of the bundle holds (from esbuild's metafile): `{ "chunk-AB12.js": ["core"] }`. */
async function bundledPackages(): Promise<Map<string, string[]>> {
  const meta = JSON.parse(await readFile(BUNDLE_META, "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  // Inputs are relative to packages/cli: `src/…` is its own, `../core/dist/…` a workspace package's, `../../node_modules/…` neither.
  const packageOf = (input: string) => (input.startsWith("src/") ? "cli" : /^\.\.\/(?!\.\.\/)([^/]+)\//.exec(input)?.[1]);
  return new Map(
    Object.entries(meta.outputs).map(([output, { inputs }]) => [
      output.replace(/^bundle\//, ""),
      [...new Set(Object.keys(inputs).flatMap((input) => packageOf(input) ?? []))],
    ]),
  );
}

/**
 * Runs the bin with a resolve hook (ES modules) and an exit report (CommonJS modules), and
 * returns the files of the CLI's bundle and the workspace packages whose code it loaded: a file
 * of the bundle counts as every package it holds code of.
 */
async function loaded(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; bundle: Set<string>; packages: Set<string> }> {
  const bundled = await bundledPackages();
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(HOOK)});`;
  const stderr = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", REPORT, "--import", register, BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let text = "";
    child.stderr.on("data", (d: Buffer) => (text += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, text }));
  });
  const files = [...stderr.text.matchAll(/^loaded \S*\/packages\/([^/]+)\/(\S+)$/gm)].map(([, name, file]) => ({
    name: name as string,
    file: file as string,
  }));
  const bundle = new Set(
    files.flatMap(({ name, file }) => (name === "cli" && file.startsWith("bundle/") ? [file.slice("bundle/".length)] : [])),
  );
  const packages = new Set(
    files.flatMap(({ name, file }) =>
      name === "cli" && file.startsWith("bundle/")
        ? (bundled.get(file.slice("bundle/".length)) ?? [`unknown bundle file ${file}`])
        : [name],
    ),
  );
  return { code: stderr.code, bundle, packages };
}

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "demo" });
});
afterAll(() => sandbox.close());

describe("set-up", () => {
  it("the bin npm links is a committed file that loads the bundled build, so it exists at install time", async () => {
    const manifest = JSON.parse(await readFile(PACKAGE, "utf8")) as { bin: Record<string, string>; files: string[]; version: string };
    expect(manifest.bin).toEqual({ apitokens: "./bin/apitokens.js" });
    expect(manifest.files).toContain("bin");
    const bin = await readFile(fileURLToPath(new URL(manifest.bin.apitokens ?? "", new URL("../package.json", import.meta.url))), "utf8");
    expect(bin.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(bin).toContain('require("../bundle/start.cjs");');
    // bin/package.json makes the bin CommonJS in this ES module package.
    expect(JSON.parse(await readFile(fileURLToPath(new URL("../bin/package.json", import.meta.url)), "utf8"))).toEqual({
      type: "commonjs",
    });
  });

  it("--version is the package.json version", async () => {
    const { version } = JSON.parse(await readFile(PACKAGE, "utf8")) as { version: string };
    const { code, stdout } = await run(["--version"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`apitokens ${version}\n`);
  });

  it("--help loads no vendor, no sandbox and only bundle/start.cjs; list --json from the environment loads the one configured vendor and no sandbox", async () => {
    const help = await loaded(["--help"]);
    expect(help.code).toBe(0);
    expect([...help.packages]).toEqual(["cli"]);
    // One file of the bundle, CommonJS: no ES module loader at start.
    expect([...help.bundle]).toEqual(["start.cjs"]);
    const list = await loaded(["list", "--json", "--vendor", "dynatrace"], {
      DT_API_TOKEN: sandbox.credentials.dynatrace,
      DT_ENV_URL: sandbox.url("dynatrace"),
    });
    expect(list.code).toBe(0);
    expect(list.packages.has("sandbox")).toBe(false);
    expect([...list.packages].sort()).toEqual(["apitokens", "cli", "core", "dynatrace"]);
  });

  it("npm start prints a short summary and names the commands for the full tables", async () => {
    const { scripts } = JSON.parse(await readFile(ROOT_PACKAGE, "utf8")) as { scripts: { start: string } };
    const command = /node packages\/cli\/bin\/apitokens\.js (.+)$/.exec(scripts.start)?.[1]?.split(" ") ?? [];
    expect(command).toEqual(["summary", "--sandbox"]);
    const { code, stdout, stderr } = await run(command);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Tokens: \d+ \(dynatrace \d+, /m);
    expect(stdout).toMatch(/^Findings: expired \d+, expiring-soon \d+/m);
    expect(stdout).toMatch(/^Needs attention first \(5 of \d+\):$/m);
    expect(stdout).toMatch(/^Full tables: apitokens list --sandbox {3}· {3}apitokens audit --sandbox$/m);
    expect(stdout.trimEnd().split("\n").length).toBeLessThanOrEqual(15);
  });
});

describe("a separately started sandbox", () => {
  it.each([
    { given: "--sandbox URL", args: () => ["--sandbox", sandbox.origin], env: () => ({}) },
    { given: "--sandbox=URL", args: () => [`--sandbox=${sandbox.origin}`], env: () => ({}) },
    { given: "APITOKENS_SANDBOX_URL", args: () => [], env: () => ({ APITOKENS_SANDBOX_URL: sandbox.origin }) },
  ])("$given", async ({ args, env }) => {
    const { code, stdout } = await run(["list", "--json", ...args()], { env: env() });
    expect(code).toBe(0);
    const doc = onlyJson(stdout) as { vendors: { status: string }[] };
    expect(doc.vendors.length).toBeGreaterThanOrEqual(4);
    expect(doc.vendors.every((v) => v.status === "ok")).toBe(true);
  });

  it("the variables `apitokens sandbox --json` prints work as they are", async () => {
    const child = spawn(process.execPath, [BIN, "sandbox", "--json", "--seed", "printed"], { stdio: ["ignore", "pipe", "pipe"] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out);
      });
      child.on("error", reject);
      child.on("exit", () => reject(new Error(`exited early: ${out}`)));
    });
    try {
      const doc = JSON.parse(line) as { vendors: { vendor: string; env: Record<string, string> }[] };
      const env = Object.assign({}, ...doc.vendors.map((v) => v.env)) as Record<string, string>;
      const { code, stdout, stderr } = await run(["list", "--json"], { env });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const listed = onlyJson(stdout) as { vendors: { vendor: string; status: string }[] };
      expect(listed.vendors.map((v) => v.vendor)).toEqual(doc.vendors.map((v) => v.vendor));
      expect(listed.vendors.every((v) => v.status === "ok")).toBe(true);
    } finally {
      child.kill("SIGINT");
      await new Promise((resolve) => child.on("close", resolve));
    }
  });

  it("a URL where no sandbox answers is a typed error naming it", async () => {
    const { code, stderr } = await run(["list", "--sandbox", "http://127.0.0.1:9"]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/^error: no sandbox answers at http:\/\/127\.0\.0\.1:9 /m);
  });
});
