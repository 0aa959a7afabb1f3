import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import type { TokenInfo } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenJson } from "../src/json.js";
import { arrayDocument, elementText, tokenTextsInBackground } from "../src/json-text.js";
import { onlyJson, run, sandboxEnv } from "./run.js";

/** A token with the given vendor and id, and whatever else the case needs. */
const token = (vendor: string, id: string, more: Partial<TokenInfo> = {}): TokenInfo => ({
  vendor,
  id,
  name: undefined,
  enabled: undefined,
  createdAt: undefined,
  expiresAt: undefined,
  lastUsedAt: undefined,
  scopes: undefined,
  owner: undefined,
  raw: undefined,
  ...more,
});

const ODD = [
  token("dynatrace", "dt0c01.ABC", {
    name: 'line\nbreak "quoted" \\ tab\t \u2028 \u001b[31m é 中 😀',
    enabled: true,
    createdAt: new Date("2026-01-02T03:04:05.678Z"),
    expiresAt: null,
    lastUsedAt: null,
    scopes: [],
    raw: { nested: { deeper: [1, [2, []], {}], empty: {} }, text: "a\nb", n: -0.5, big: 1e21, no: null, skipped: undefined },
  }),
  token("gitlab", "7", { account: "prod", scopes: ["api", "read_user"], owner: "root", raw: [] }),
  token("gitlab", "8", { enabled: false, raw: "plain" }),
  token("timeweb", "t1", { raw: { keys: ["", " ", "{}"] } }),
];

/** Adds tokens (a part per vendor index) interleaved, as vendors answering at once do. */
function rendered(parts: number, arrivals: readonly [number, TokenInfo][]): string[] {
  const texts = tokenTextsInBackground(parts);
  for (const [part, t] of arrivals) texts.add(part, t);
  return texts.finish();
}

const expected = (doc: Record<string, unknown>, tokens: readonly TokenInfo[]) =>
  `${JSON.stringify({ ...doc, tokens: tokens.map(tokenJson) }, null, 2)}\n`;

describe("the --json text rendered as tokens arrive is byte for byte JSON.stringify(doc, null, 2)", () => {
  const vendors = [{ vendor: "dynatrace", account: null, status: "ok", tokens: 1 }];
  const many = Array.from({ length: 1000 }, (_, i) => token(["a", "b", "c"][i % 3] as string, `id-${i}`, { raw: { i, s: `x\n${i}` } }));
  it.each([
    { given: "no token at all", parts: 2, arrivals: [] as [number, TokenInfo][], want: [] as TokenInfo[] },
    {
      given: "odd strings, null and absent facts, nested and empty raw values",
      parts: 3,
      arrivals: [
        [0, ODD[0]],
        [1, ODD[1]],
        [2, ODD[3]],
        [1, ODD[2]],
      ] as [number, TokenInfo][],
      want: [ODD[0], ODD[1], ODD[2], ODD[3]] as TokenInfo[],
    },
    {
      given: "a first vendor with no token (the first element has no comma before it)",
      parts: 2,
      arrivals: [
        [1, ODD[1]],
        [1, ODD[2]],
      ] as [number, TokenInfo][],
      want: [ODD[1], ODD[2]] as TokenInfo[],
    },
    {
      given: "1000 tokens of three vendors interleaved (several slices per vendor), in vendor order",
      parts: 3,
      arrivals: many.map((t) => [t.vendor.charCodeAt(0) - 97, t]) as [number, TokenInfo][],
      want: [...many.filter((t) => t.vendor === "a"), ...many.filter((t) => t.vendor === "b"), ...many.filter((t) => t.vendor === "c")],
    },
  ])("$given", ({ parts, arrivals, want }) => {
    const doc = { command: "list", vendors };
    expect(arrayDocument(doc, "tokens", rendered(parts, arrivals)).join("")).toBe(expected(doc, want));
  });

  it("a document with no other key, and elements rendered one by one", () => {
    const elements = ODD.map((t) => elementText(tokenJson(t)));
    expect(arrayDocument({}, "tokens", elements).join("")).toBe(expected({}, ODD));
  });

  it("renders while the caller waits (between turns of the event loop), not only at the end", async () => {
    const texts = tokenTextsInBackground(1);
    let rendered = 0;
    const counted = new Proxy(ODD[1] as TokenInfo, {
      get(target, key, receiver) {
        if (key === "id") rendered++;
        return Reflect.get(target, key, receiver);
      },
    });
    for (let i = 0; i < 600; i++) texts.add(0, counted);
    expect(rendered).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(600);
    expect(texts.finish().join("")).toBe(elementText(tokenJson(ODD[1] as TokenInfo)).repeat(600));
    expect(rendered).toBe(600);
  });
});

describe("apitokens list --json, through the built command", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: "json-text" });
  });
  afterAll(() => sandbox.close());

  it("prints the document JSON.stringify(doc, null, 2) gives for it", async () => {
    const { code, stdout } = await run(["list", "--json"], { env: sandboxEnv(sandbox) });
    expect(code).toBe(0);
    const doc = onlyJson(stdout);
    expect(Object.keys(doc)).toEqual(["command", "vendors", "tokens"]);
    expect((doc.tokens as unknown[]).length).toBeGreaterThan(0);
    expect(stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  }, 60_000);
});
