import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { connect } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "../src/format/text.js";
import { run, sandboxEnv } from "./run.js";

/** Our own colour codes (SGR), and every control character (C0 but LF, DEL, C1). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching our own colour codes is the point.
const SGR = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding a control character that got through is the point.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let sandbox: RunningSandbox;
let env: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  env = sandboxEnv(sandbox);
});
afterAll(() => sandbox.close());

describe("names from vendors are shown safely by the built bin", () => {
  it("ESC, CR, LF, BEL and C1 in a name neither colour the terminal nor fake a row; CJK and emoji stay aligned", async () => {
    const dynatrace = connect({ dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace } }).dynatrace.tokens;
    const evil = "evil\u001b[31mred\r\nfake-row\u0007\u009b2J";
    for (const name of [evil, "名前のトークン", "deploy 🔑🚀", `long-${"x".repeat(240)}`])
      await dynatrace.create({ name, scopes: ["metrics.read"] });
    const { code, stdout, stderr } = await run(["list", "--vendor", "dynatrace"], { env: { ...env, FORCE_COLOR: "1" } });
    expect(code).toBe(0);
    // Our own colours (FORCE_COLOR) only: SGR codes, no other escape, no BEL, no C1.
    expect(stdout.replace(SGR, "")).not.toMatch(CONTROL);
    expect(stdout).toContain("evil\\e[31mred\\r\\nfake-row\\a\\x9b2J");
    const rows = stdout.replace(SGR, "").trimEnd().split("\n");
    expect(rows).toHaveLength(1 + 5 + 1); // header, the credential token and four created, the count line
    expect(rows.some((row) => row.startsWith("fake-row"))).toBe(false);
    // Every row's ID column starts at the same display column.
    const idColumn = (row: string) => displayWidth(row.slice(0, row.indexOf("dt0c01")));
    const tokenRows = rows.filter((row) => row.includes("dt0c01"));
    expect(new Set(tokenRows.map(idColumn)).size).toBe(1);
    const nameColumn = (row: string) => displayWidth(row.slice(0, row.search(/ \S+$/)));
    expect(new Set(tokenRows.map(nameColumn)).size).toBe(1);
    expect(stdout.length).toBeLessThan(5_000);
    expect(stderr).toBe("");
  });
});
