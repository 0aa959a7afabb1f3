import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Reply, startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { recordingIo } from "./io.js";
import { CRASH, run } from "./run.js";

/** 200 answers that break every vendor's spec. */
const BODIES: readonly { name: string; reply: Reply }[] = [
  { name: "empty body", reply: { status: 200, body: "", headers: { "content-type": "application/json" } } },
  { name: "null", reply: { status: 200, body: "null", headers: { "content-type": "application/json" } } },
  { name: "{}", reply: { status: 200, body: {} } },
  { name: "[]", reply: { status: 200, body: [] } },
  {
    name: "wrong types",
    reply: { status: 200, body: { apiTokens: "nope", api_keys: 5, data: "x", tokens: { id: [] }, id: 7, name: 1, meta: [] } },
  },
  {
    name: "items without ids",
    reply: { status: 200, body: { apiTokens: [{ name: "x" }], api_keys: [{ name: "x" }], data: [{ name: "x" }], tokens: [{}] } },
  },
  { name: "HTML", reply: { status: 200, body: "<html><body>maintenance</body></html>", headers: { "content-type": "text/html" } } },
];

/** A secret of each vendor's shape, and an id its API takes. */
const VENDORS = [
  {
    vendor: "timeweb",
    name: "Timeweb",
    id: "0f0e0d0c-0b0a-4908-8706-050403020100",
    secret: "eyJhbGciOiJIUzUxMiJ9.eyJ1c2VyIjoiYWIxMjM0NSIsImV4cCI6MTk5OTk5OTk5OX0.c2lnbmF0dXJlc2lnbmF0dXJl",
  },
  {
    vendor: "qernal",
    name: "Qernal",
    id: "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14",
    secret: "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@c2VjcmV0LXNlY3JldC1zZWNyZXQ",
  },
  {
    vendor: "dynatrace",
    name: "Dynatrace",
    id: "dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX",
    secret: `dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX.${"A1".repeat(32)}`,
  },
  { vendor: "sematext", name: "Sematext", id: "42:1187", secret: "7d3f2a1b-4c5d-4e6f-8a9b-0c1d2e3f4a5b" },
] as const;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), "apitokens-malformed-"));
});
afterAll(() => server.close());

const envFor = (vendor: string): Record<string, string> => {
  const base = server.url;
  switch (vendor) {
    case "timeweb":
      return { TWC_TOKEN: VENDORS[0].secret, TWC_BASE_URL: base };
    case "qernal":
      return { QERNAL_TOKEN: VENDORS[1].secret, QERNAL_HOST_CHAOS: `${base}/v1`, QERNAL_HOST_HYDRA: `${base}/oauth2/token` };
    case "dynatrace":
      return { DT_API_TOKEN: VENDORS[2].secret, DT_ENV_URL: base };
    default:
      return { SEMATEXT_API_KEY: VENDORS[3].secret, SEMATEXT_BASE_URL: base, SEMATEXT_APP_ID: "42" };
  }
};

/** Answers every request with `reply`, except Qernal's token endpoint, which must work for the API calls to happen. */
function answerWith(reply: Reply): void {
  server.reset();
  server.fallback((request) =>
    request.url.startsWith("/oauth2/token")
      ? { status: 200, body: { access_token: "at-123", token_type: "bearer", expires_in: 3600 } }
      : reply,
  );
}

const commands = (v: (typeof VENDORS)[number], secretFile: string) => [
  ["list"],
  ["audit"],
  ["summary"],
  ["leaked", secretFile],
  ["leaked", secretFile, "--revoke"],
  ["create", v.vendor, "--name", "x", "--show-secret", ...(v.vendor === "dynatrace" ? ["--scope", "metrics.read"] : [])],
  ["rotate", v.vendor, v.id, "--show-secret"],
  ["revoke", v.vendor, v.id, "--yes"],
  ...(v.vendor === "dynatrace" || v.vendor === "sematext"
    ? [
        ["disable", v.vendor, v.id],
        ["enable", v.vendor, v.id],
      ]
    : []),
];

describe.each(VENDORS)("$vendor answering 200s that break its spec", (v) => {
  it.each(BODIES)("$name: every command gives a typed error naming the vendor, never a crash", async ({ reply }) => {
    answerWith(reply);
    const secretFile = join(dir, `${v.vendor}.txt`);
    await writeFile(secretFile, `noise line\nleaked: ${v.secret} (from a log)\nmore noise\n`);
    for (const args of commands(v, secretFile)) {
      for (const json of [false, true]) {
        const io = recordingIo({ ...envFor(v.vendor), XDG_CONFIG_HOME: dir, HOME: dir });
        const code = await main([...args, ...(json ? ["--json"] : [])], io);
        const where = `${args.join(" ")}${json ? " --json" : ""}`;
        expect(io.out + io.err, where).not.toMatch(CRASH);
        if (json) expect(() => JSON.parse(io.out), where).not.toThrow();
        expect([0, 1, 3, 4, 5], where).toContain(code);
        if (code === 3) expect(io.err, where).toMatch(new RegExp(`^error: ${v.name}`, "m"));
        expect(io.out + io.err, where).not.toContain(v.secret);
      }
    }
  });
});

describe("through the built bin", () => {
  it('Dynatrace answering {"apiTokens":"nope"}: a typed error naming vendor and operation, exit 3, no stack trace, no invented tokens', async () => {
    answerWith({ status: 200, body: { apiTokens: "nope" } });
    const human = await run(["list"], { env: envFor("dynatrace") });
    expect(human.code).toBe(3);
    expect(human.stderr).toMatch(/^error: Dynatrace/m);
    expect(human.stdout + human.stderr).not.toMatch(CRASH);
    const json = await run(["list", "--json"], { env: envFor("dynatrace") });
    expect(json.code).toBe(3);
    const doc = JSON.parse(json.stdout) as { tokens: unknown[]; vendors: { status: string; error: { vendor: string } }[] };
    expect(doc.tokens).toEqual([]);
    expect(doc.vendors[0]).toMatchObject({ status: "error", error: { vendor: "dynatrace" } });
  });

  it("network errors name the host; the Qernal token endpoint's errors carry the vendor", async () => {
    const refused = await run(["list"], {
      env: { DT_API_TOKEN: VENDORS[2].secret, DT_ENV_URL: "http://127.0.0.1:9", APITOKENS_TEST: "1" },
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^error: Dynatrace.*host 127\.0\.0\.1:9/m);
    server.reset();
    server.fallback({ status: 401, body: { error: "invalid_client" } });
    const exchange = await run(["list"], { env: envFor("qernal") });
    expect(exchange.code).toBe(3);
    expect(exchange.stderr).toMatch(/^error: Qernal/m);
  });

  it("--timeout bounds each request", async () => {
    answerWith({ status: 200, body: { apiTokens: [] }, delayMs: 30_000 });
    const slow = await run(["list", "--timeout", "1s"], { env: envFor("dynatrace") });
    expect(slow.code).toBe(3);
    expect(slow.stderr).toMatch(/^error: Dynatrace.*(timed out|time limit|timeout).*host 127\.0\.0\.1/im);
    server.reset();
  });
});
