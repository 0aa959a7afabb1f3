import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, sandboxEnv, sandboxVendors } from "./run.js";

let sandbox: RunningSandbox;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "leaked" });
  env = sandboxEnv(sandbox);
  dir = await mkdtemp(join(tmpdir(), "apitokens-leaked-"));
});
afterAll(() => sandbox.close());

const vendors = () => sandboxVendors(sandbox);

interface Leak {
  vendor: string;
  status: string;
  line: number;
  action?: string;
  public?: string;
  token?: { id: string };
}

/** A log of a few thousand lines, the secrets buried in it. */
function paste(secrets: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < 3_000; i++)
    lines.push(`2026-11-23T10:${String(i % 60).padStart(2, "0")}:00Z INFO request ${i} id=${(i * 7919).toString(16)} ok`);
  secrets.forEach((secret, i) => {
    lines.splice(500 * (i + 1), 0, `export TOKEN_${i}="${secret}" # pasted by mistake`);
  });
  lines.push(`again: ${secrets[0]}`);
  return `${lines.join("\n")}\n`;
}

describe("leaked FILE finds every secret of every vendor in a paste", () => {
  it("reports each with its vendor and status, never prints a secret, and --revoke switches each off", async () => {
    const dt = await vendors().dynatrace.tokens.create({ name: "leak-dt", scopes: ["metrics.read"] });
    const tw = await vendors().timeweb.tokens.create({ name: "leak-tw" });
    const st = await vendors().sematext.tokens.create({ name: "leak-st" });
    const disabled = await vendors().dynatrace.tokens.create({ name: "leak-off", scopes: ["metrics.read"] });
    await vendors().dynatrace.tokens.disable(disabled.token.id);
    const stranger = `dt0c01.${"Z".repeat(24)}.${"Y".repeat(64)}`;
    const secrets = [dt.secret.reveal(), tw.secret.reveal(), st.secret.reveal(), disabled.secret.reveal(), stranger];
    const file = join(dir, "paste.log");
    await writeFile(file, paste(secrets));

    const found = await run(["leaked", file, "--json"], { env });
    expect(found.code).toBe(5);
    for (const secret of secrets) expect(found.stdout + found.stderr).not.toContain(secret);
    const doc = JSON.parse(found.stdout) as { secrets: Leak[]; summary: Record<string, number> };
    const byId = (id: string) => doc.secrets.find((s) => s.token?.id === id);
    expect(byId(dt.token.id)).toMatchObject({ vendor: "dynatrace", status: "active", line: 501, occurrences: 2, public: dt.token.id });
    expect(byId(tw.token.id)).toMatchObject({ vendor: "timeweb", status: "active" });
    expect(byId(st.token.id)).toMatchObject({ vendor: "sematext", status: "active" });
    expect(byId(disabled.token.id)).toMatchObject({ vendor: "dynatrace", status: "disabled" });
    expect(doc.secrets.find((s) => s.public === `dt0c01.${"Z".repeat(24)}`)).toMatchObject({ status: "not-found" });
    expect(doc.summary).toMatchObject({ active: 3, disabled: 1, "not-found": 1 });

    const table = await run(["leaked", file], { env });
    expect(table.code).toBe(5);
    expect(table.stderr).toMatch(/5 secrets in .*paste\.log: 3 active, 1 not-found, 1 disabled/);
    expect(table.stderr).toMatch(/still active: revoke with: apitokens leaked .* --revoke/);
    for (const secret of secrets) expect(table.stdout + table.stderr).not.toContain(secret);

    const revoked = await run(["leaked", file, "--revoke", "--json"], { env });
    const after = JSON.parse(revoked.stdout) as { secrets: Leak[] };
    expect(after.secrets.filter((s) => s.action).map((s) => [s.vendor, s.action])).toEqual(
      expect.arrayContaining([
        ["dynatrace", "disabled"],
        ["timeweb", "deleted"],
        ["sematext", "disabled"],
      ]),
    );
    // Nothing active is left; a secret matched no token, so the exit code says "not found".
    expect(revoked.code).toBe(4);
    expect((await vendors().dynatrace.tokens.get(dt.token.id)).enabled).toBe(false);

    const again = await run(["leaked", file, "--json"], { env });
    expect((JSON.parse(again.stdout) as { secrets: Leak[] }).secrets.map((s) => s.status).sort()).toEqual([
      "disabled",
      "disabled",
      "disabled",
      "not-found",
      "not-found",
    ]);
  });

  it.each([
    { given: "only switched-off tokens", code: 0 },
    { given: "nothing of a known format", code: 4 },
  ])("exit code with $given", async ({ given, code }) => {
    let text = "just noise\nno secrets here 12345\n";
    if (given === "only switched-off tokens") {
      const off = await vendors().dynatrace.tokens.create({ name: "off", scopes: ["metrics.read"] });
      await vendors().dynatrace.tokens.disable(off.token.id);
      text += `${off.secret.reveal()}\n`;
    }
    const result = await run(["leaked", "-"], { env, stdin: text });
    expect(result.code).toBe(code);
    if (code === 4) expect(result.stderr).toMatch(/no secret of a known format in standard input/);
  });

  it("a secret of a vendor that is not configured is reported unchecked, not dropped", async () => {
    const { DT_API_TOKEN: _, DT_ENV_URL: __, ...rest } = env;
    const result = await run(["leaked", "-", "--json"], { env: rest, stdin: `dt0c01.${"Q".repeat(24)}.${"W".repeat(64)}` });
    expect(result.code).toBe(4);
    expect((JSON.parse(result.stdout) as { secrets: (Leak & { reason: string })[] }).secrets).toEqual([
      expect.objectContaining({ vendor: "dynatrace", status: "unchecked", reason: "dynatrace is not configured" }),
    ]);
  });
});
