import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { Secret } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, SECRET_SHAPES, sandboxEnv, sandboxVendors } from "./run.js";

const noSecrets = (text: string) => {
  for (const shape of SECRET_SHAPES) expect(text).not.toMatch(shape);
};

describe("apitokens --sandbox (no account needed)", () => {
  it("list prints one table across the four vendors", async () => {
    const { code, stdout, stderr } = await run(["list", "--sandbox"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^VENDOR\s+ID\s+NAME\s+ENABLED\s+CREATED\s+EXPIRES\s+LAST USED\s+SCOPES$/);
    for (const vendor of ["timeweb", "qernal", "dynatrace", "sematext"]) expect(stdout).toMatch(new RegExp(`^${vendor} `, "m"));
    expect(stdout).toMatch(/\d+ tokens across (\d+) of \1 vendors/);
    expect(stdout).not.toContain("\u001b[");
    noSecrets(stdout + stderr);
  });

  it("list --json is machine-readable and holds no secret values", async () => {
    const { code, stdout } = await run(["list", "--sandbox", "--json", "--vendor", "sematext"]);
    expect(code).toBe(0);
    const { tokens } = JSON.parse(stdout) as { tokens: { vendor: string; raw: Record<string, unknown> }[] };
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.vendor === "sematext" && !("token" in t.raw))).toBe(true);
  });

  it("audit reports findings and exits 1 for CI; --exit-zero shows the same and exits 0", async () => {
    const failing = await run(["audit", "--sandbox"]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(
      /^Findings: expired \d+, expiring-soon \d+, never-used \d+, unused \d+, never-expires \d+, disabled \d+$/m,
    );
    const shown = await run(["audit", "--sandbox", "--exit-zero"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(failing.stdout);
    noSecrets(failing.stdout + failing.stderr);
  });

  it("audit --json carries the policy, a summary and each token's findings", async () => {
    const { code, stdout } = await run([
      "audit",
      "--sandbox",
      "--json",
      "--expiring-within",
      "60d",
      "--unused-for",
      "2w",
      "--vendor",
      "dynatrace",
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      policy: { expiringWithinMs: number; unusedForMs: number };
      summary: Record<string, number>;
      tokens: { findings: string[] }[];
    };
    expect(report.policy).toEqual({ expiringWithinMs: 60 * 86_400_000, unusedForMs: 14 * 86_400_000 });
    expect(report.summary.expired).toBeGreaterThan(0);
    expect(report.tokens.some((t) => t.findings.length > 0)).toBe(true);
  });
});

describe("usage errors are one line with exit code 2", () => {
  it.each([
    { args: ["frobnicate"], want: /unknown command "frobnicate"/ },
    { args: ["list", "--bogus"], want: /^error: unknown flag --bogus for "apitokens list"; see apitokens list --help$/m },
    {
      args: ["list"],
      want: /no vendor is configured: set a credential \(dynatrace: DT_API_TOKEN, .*qernal: QERNAL_TOKEN, sematext: SEMATEXT_API_KEY, timeweb: TWC_TOKEN\)/,
    },
    {
      args: ["audit", "--sandbox", "--unused-for", "soon"],
      want: /--unused-for takes a duration like 30s, 10m, 12h, 30d, 2w or 1y, got "soon"/,
    },
    { args: ["list", "--sandbox", "--vendor", "acme"], want: /unknown vendor "acme"/ },
    {
      args: ["disable", "timeweb", "some-id", "--sandbox"],
      want: /^error: Timeweb Cloud: cannot disable a token \(it has no enabled flag\)$/m,
    },
  ])("$args", async ({ args, want }) => {
    const { code, stderr, stdout } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(want);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
  });

  it("--help lists commands, flags and exit codes; help config lists each vendor's variables and keys", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const text of [
      "summary",
      "list",
      "audit",
      "leaked",
      "create",
      "rotate",
      "revoke",
      "--sandbox [URL]",
      "--json",
      "--timeout",
      "apitokens help config",
      "Exit codes",
      "NO_COLOR",
    ])
      expect(stdout).toContain(text);
    const config = await run(["help", "config"]);
    expect(config.code).toBe(0);
    for (const text of ["DT_API_TOKEN", "DT_ENV_URL", "SEMATEXT_APP_ID", "QERNAL_HOST_HYDRA", "TWC_TOKEN", '"dynatrace:prod"'])
      expect(config.stdout).toContain(text);
  });

  it.each(["list", "audit", "leaked", "create", "rotate", "revoke", "enable", "disable", "sandbox"])("%s --help", async (command) => {
    const { code, stdout } = await run([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: apitokens ${command}`));
  });
});

describe("against vendors configured by environment variables", () => {
  let sandbox: RunningSandbox;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: "cli-tests" });
    env = sandboxEnv(sandbox);
    dir = await mkdtemp(join(tmpdir(), "apitokens-cli-"));
  });
  afterAll(() => sandbox.close());

  const vendors = () => sandboxVendors(sandbox);

  it("lists every vendor from the environment", async () => {
    const { code, stdout } = await run(["list"], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/tokens across 4 of 4 vendors/);
  });

  it("create refuses to run when the secret would have nowhere to go, and creates nothing", async () => {
    const before = sandbox.state.dynatrace.size;
    const { code, stderr } = await run(["create", "dynatrace", "--name", "ci", "--scope", "metrics.read"], { env });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--secret-file <path> or --show-secret/);
    expect(sandbox.state.dynatrace.size).toBe(before);
  });

  it("create --secret-file writes the secret once, mode 0600, and prints it nowhere", async () => {
    const file = join(dir, "dt-secret");
    const { code, stdout, stderr } = await run(
      ["create", "dynatrace", "--name", "ci-file", "--scope", "metrics.read", "--expires", "30d", "--secret-file", file],
      { env },
    );
    expect(code).toBe(0);
    const secret = (await readFile(file, "utf8")).trim();
    expect(secret).toMatch(SECRET_SHAPES[0] as RegExp);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe("600");
    expect(stdout + stderr).not.toContain(secret);
    const again = await run(["create", "dynatrace", "--name", "ci-file", "--scope", "metrics.read", "--secret-file", file], { env });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; a secret is never written over a file, so nothing was sent/);
  });

  it("create --show-secret prints the secret once on stdout", async () => {
    const { code, stdout } = await run(["create", "timeweb", "--name", "ci-shown", "--show-secret"], { env });
    expect(code).toBe(0);
    expect(stdout.match(/^secret: eyJ\S+$/gm)).toHaveLength(1);
  });

  it("leaked: found (5), revoked (0), then the revoked token is disabled; a stranger is not found (4); the secret is never printed", async () => {
    const { token, secret } = await vendors().dynatrace.tokens.create({ name: "leaky", scopes: ["metrics.read"] });
    const file = join(dir, "leaked.txt");
    await writeFile(file, `${secret.reveal()}\n`);
    const found = await run(["leaked", file], { env });
    expect(found.code).toBe(5);
    expect(found.stdout).toContain(token.id);
    expect(found.stdout + found.stderr).not.toContain(secret.reveal());

    const revoked = await run(["leaked", "-", "--revoke"], { env, stdin: `${secret.reveal()}\n` });
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`dynatrace .*${token.id.replace(".", "\\.")} .*disabled \\(now\\)`));
    expect((await vendors().dynatrace.tokens.get(token.id)).enabled).toBe(false);
    expect(revoked.stdout + revoked.stderr).not.toContain(secret.reveal());

    const stranger = `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}`;
    const missing = await run(["leaked", "-"], { env, stdin: stranger });
    expect(missing.code).toBe(4);
    expect(missing.stdout + missing.stderr).not.toContain(stranger);
  });

  it("leaked finds a Sematext value by listing and deletes with --delete", async () => {
    const { token, secret } = await vendors().sematext.tokens.create({ name: "leaky-app-token" });
    const gone = await run(["leaked", "-", "--revoke", "--delete"], { env, stdin: secret.reveal() });
    expect(gone.code).toBe(0);
    expect(gone.stdout).toMatch(new RegExp(`sematext .*${token.id} .*deleted \\(now\\)`));
    expect(gone.stdout + gone.stderr).not.toContain(secret.reveal());
  });

  it("rotate in place (Timeweb) and by replacement (Dynatrace, --revoke-old delete)", async () => {
    const tw = await vendors().timeweb.tokens.create({ name: "rotate-me" });
    const twRun = await run(["rotate", "timeweb", tw.token.id, "--show-secret"], { env });
    expect(twRun.code).toBe(0);
    expect(twRun.stderr).toContain("old token: reissued");
    expect(twRun.stdout).not.toContain(tw.secret.reveal());

    const dt = await vendors().dynatrace.tokens.create({ name: "rotate-me", scopes: ["metrics.read"] });
    const file = join(dir, "rotated");
    const dtRun = await run(["rotate", "dynatrace", dt.token.id, "--revoke-old", "delete", "--secret-file", file], { env });
    expect(dtRun.code).toBe(0);
    expect(dtRun.stderr).toContain("old token: deleted");
    await expect(vendors().dynatrace.tokens.get(dt.token.id)).rejects.toThrow(/404/);
    expect(await vendors().identify(new Secret((await readFile(file, "utf8")).trim()))).toMatchObject({
      vendor: "dynatrace",
      name: "rotate-me",
    });
  });

  it("revoke deletes; a vendor error is one line with exit code 3", async () => {
    const { token } = await vendors().timeweb.tokens.create({ name: "short-lived" });
    const ok = await run(["revoke", "timeweb", token.id, "--yes"], { env });
    expect(ok.code).toBe(0);
    const again = await run(["revoke", "timeweb", token.id, "--yes"], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^error: Timeweb Cloud 404 on DELETE \/api\/v1\/auth\/api-keys\/\{token_id\}: /);
  });

  it("one vendor failing does not hide the others", async () => {
    const { code, stdout, stderr } = await run(["list"], { env: { ...env, DT_API_TOKEN: `dt0c01.${"C".repeat(24)}.${"D".repeat(64)}` } });
    expect(code).toBe(3);
    expect(stdout).toMatch(/^timeweb /m);
    expect(stderr).toMatch(/^error: Dynatrace 401 on GET \/apiTokens/m);
    noSecrets(stdout + stderr);
  });

  it("reads a config file and warns when others can read it", async () => {
    const file = join(dir, "config.json");
    await writeFile(file, JSON.stringify({ timeweb: { token: env.TWC_TOKEN, baseUrl: env.TWC_BASE_URL } }), { mode: 0o644 });
    const { code, stdout, stderr } = await run(["list", "--config", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tokens across 1 of 1 vendors/);
    expect(stderr).toMatch(/others can read it; run: chmod 600/);
  });
});

describe("apitokens sandbox", () => {
  it("starts in the foreground, prints URLs and credentials, and stops cleanly on Ctrl-C", async () => {
    const { spawn } = await import("node:child_process");
    const { BIN } = await import("./run.js");
    const child = spawn(process.execPath, [BIN, "sandbox", "--seed", "ctrl-c"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("timeweb ")) resolve();
      });
      child.on("error", reject);
      child.on("exit", () => reject(new Error(`exited early: ${stdout}`)));
    });
    const dynatraceUrl = /^dynatrace .*DT_ENV_URL=(http:\/\/127\.0\.0\.1:\d+\/dynatrace\/api\/v2)/m.exec(stdout)?.[1];
    expect(dynatraceUrl).toBeDefined();
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    await expect(fetch(`${dynatraceUrl}/apiTokens`)).rejects.toThrow();
  });
});
