import * as fs from "node:fs/promises";
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { connect, Secret } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileSystem } from "../src/io.js";
import { main } from "../src/main.js";
import { recordingIo } from "./io.js";
import { run, sandboxEnv } from "./run.js";

let sandbox: RunningSandbox;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "secret-delivery" });
  env = sandboxEnv(sandbox);
  dir = await mkdtemp(join(tmpdir(), "apitokens-delivery-"));
});
afterAll(() => sandbox.close());

const vendors = () =>
  connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace },
  });

/** Everything at the vendors that a create, reissue or revoke would change. */
async function vendorState() {
  const list = async (tokens: ReturnType<typeof vendors>["dynatrace"]["tokens"] | ReturnType<typeof vendors>["timeweb"]["tokens"]) => {
    const out: string[] = [];
    for await (const t of tokens.list()) out.push(`${t.id}|${t.name}|${t.enabled}`);
    return out.sort();
  };
  return { dynatrace: await list(vendors().dynatrace.tokens), timeweb: await list(vendors().timeweb.tokens) };
}

describe("a delivery that cannot work is refused before the vendor is called: nothing changes there", () => {
  const existing = () => join(dir, "exists");
  it.each([
    {
      given: "a directory that does not exist",
      extra: () => ["--secret-file", "/no/such/dir/x"],
      want: /--secret-file: the directory \/no\/such\/dir does not exist; nothing was sent/,
    },
    {
      given: "a file that exists",
      extra: () => ["--secret-file", existing()],
      want: /already exists; a secret is never written over a file, so nothing was sent/,
    },
    { given: "no terminal and no flag", extra: () => [], want: /--secret-file <path> or --show-secret; nothing was sent/ },
    {
      given: "--json without --show-secret",
      extra: () => ["--json"],
      want: /with --json the new secret needs --secret-file <path> or --show-secret; nothing was sent/,
    },
    {
      given: "--secret-file and --show-secret",
      extra: () => ["--secret-file", join(dir, "both"), "--show-secret"],
      want: /exclude each other/,
    },
  ])("$given", async ({ extra, want }) => {
    await writeFile(existing(), "something else\n").catch(() => {});
    const { token: dt, secret: dtSecret } = await vendors().dynatrace.tokens.create({ name: "keep-me", scopes: ["metrics.read"] });
    const { token: tw, secret: twSecret } = await vendors().timeweb.tokens.create({ name: "keep-me-too" });
    const before = await vendorState();
    for (const args of [
      ["create", "dynatrace", "--name", "new", "--scope", "metrics.read"],
      ["rotate", "dynatrace", dt.id, "--revoke-old", "delete"],
      ["rotate", "timeweb", tw.id],
    ]) {
      const { code, stderr } = await run([...args, ...extra()], { env });
      expect(code).toBe(2);
      expect(stderr).toMatch(want);
    }
    expect(await vendorState()).toEqual(before);
    // The reissue did not happen: the old secrets still identify their tokens.
    expect((await vendors().identify(twSecret))?.id).toBe(tw.id);
    expect((await vendors().identify(dtSecret))?.id).toBe(dt.id);
    expect(await readFile(existing(), "utf8")).toBe("something else\n");
  });
});

/** An Io like the process's, whose writes to one path fail as on a full disk. */
function failingIo(failPath: string, options: { stderrTty?: boolean; xdg: string }) {
  const files = {
    ...fs,
    async open(path: Parameters<typeof fs.open>[0], flags?: Parameters<typeof fs.open>[1], mode?: Parameters<typeof fs.open>[2]) {
      const handle = await fs.open(path, flags, mode);
      if (String(path) !== failPath) return handle;
      return Object.assign(Object.create(handle) as fs.FileHandle, {
        writeFile: async () => {
          throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        },
        close: () => handle.close(),
      });
    },
  } as FileSystem;
  return recordingIo({ ...env, XDG_CONFIG_HOME: options.xdg }, { fs: files, stderrTty: options.stderrTty ?? false });
}

describe("a write that fails after the vendor call never loses the secret", () => {
  it("create: saved 0600 next to the requested file, the message says where, exit 6", async () => {
    const requested = join(dir, "full-disk.secret");
    const io = failingIo(requested, { xdg: join(dir, "xdg-1") });
    const code = await main(["create", "timeweb", "--name", "disk-full", "--secret-file", requested, "--json"], io);
    expect(code).toBe(6);
    const doc = JSON.parse(io.out) as { token: { id: string }; secret: { delivered: string; path: string; reason: string } };
    expect(doc.secret).toMatchObject({ delivered: "fallback-file", reason: expect.stringMatching(/ENOSPC/) });
    expect(io.err).toContain(`the secret is saved in ${doc.secret.path} (mode 0600)`);
    expect(doc.secret.path.startsWith(`${requested}.`)).toBe(true);
    expect(((await stat(doc.secret.path)).mode & 0o777).toString(8)).toBe("600");
    const saved = (await readFile(doc.secret.path, "utf8")).trim();
    expect((await vendors().identify(new Secret(saved)))?.id).toBe(doc.token.id);
  });

  it("rotate --revoke-old delete: the old token is kept when the new secret did not reach the requested file", async () => {
    const { token } = await vendors().dynatrace.tokens.create({ name: "rotate-full-disk", scopes: ["metrics.read"] });
    const requested = join(dir, "rotate-full.secret");
    const io = failingIo(requested, { xdg: join(dir, "xdg-2") });
    const code = await main(["rotate", "dynatrace", token.id, "--revoke-old", "delete", "--secret-file", requested], io);
    expect(code).toBe(6);
    expect(io.err).toMatch(/the old token .* was kept/);
    expect((await vendors().dynatrace.tokens.get(token.id)).id).toBe(token.id);
    const saved = /the secret is saved in (\S+) \(mode 0600\)/.exec(io.err)?.[1] ?? "";
    expect((await vendors().identify(new Secret((await readFile(saved, "utf8")).trim())))?.name).toBe("rotate-full-disk");
  });

  it("when next to the file fails too, the config directory holds it", async () => {
    const requested = join(dir, "ro", "x.secret");
    await mkdir(join(dir, "ro"));
    const io = failingIo(requested, { xdg: join(dir, "xdg-3") });
    const open = io.fs.open;
    (io.fs as { open: typeof open }).open = async (path, flags, mode) => {
      if (String(path).startsWith(`${requested}.`)) throw Object.assign(new Error("read-only"), { code: "EROFS" });
      return open(path, flags, mode);
    };
    const code = await main(["create", "timeweb", "--name", "two-fallbacks", "--secret-file", requested], io);
    expect(code).toBe(6);
    const files = await readdir(join(dir, "xdg-3", "apitokens", "recovered"));
    expect(files).toHaveLength(1);
    expect(io.err).toContain(join(dir, "xdg-3", "apitokens", "recovered", files[0] as string));
  });

  it("on a terminal, stderr shows it", async () => {
    const requested = join(dir, "tty.secret");
    const io = failingIo(requested, { xdg: join(dir, "xdg-4"), stderrTty: true });
    const code = await main(["create", "timeweb", "--name", "tty", "--secret-file", requested], io);
    expect(code).toBe(6);
    const secret = /store it now:\n(\S+)\n/.exec(io.err)?.[1] ?? "";
    expect((await vendors().identify(new Secret(secret)))?.name).toBe("tty");
  });
});

describe("--revoke-old happens only after delivery", () => {
  it("the secret file exists and holds the new secret before the old token is deleted", async () => {
    const { token } = await vendors().dynatrace.tokens.create({ name: "ordered", scopes: ["metrics.read"] });
    const file = join(dir, "ordered.secret");
    const { code, stderr } = await run(["rotate", "dynatrace", token.id, "--revoke-old", "delete", "--secret-file", file], { env });
    expect(code).toBe(0);
    expect(stderr.indexOf("secret written to")).toBeLessThan(stderr.indexOf("old token: deleted"));
    expect((await vendors().identify(new Secret((await readFile(file, "utf8")).trim())))?.name).toBe("ordered");
  });
});
