import { inspect } from "node:util";
import { startTestServer, type TestServer } from "@apitokens/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiTokensError, unwrap } from "../../src/index.js";
import { PARTIAL_ECHO } from "../../src/redact.js";
import { acmeClient } from "../fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const VISIBLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));
/** Any credential a header can carry: visible ASCII, quotes and backslashes included. */
const credential = fc.string({ unit: fc.constantFrom(...VISIBLE), minLength: 16, maxLength: 80 });
const upperAlnum = (n: number) =>
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), minLength: n, maxLength: n });
/** A Dynatrace secret, which may be sent as a path parameter (DELETE by secret). */
const dynatraceSecret = fc.tuple(upperAlnum(24), upperAlnum(64)).map(([pub, secret]) => `dt0c01.${pub}.${secret}`);

/** The ways a server can make an error that echoes what it received. */
const failure = fc.constantFrom(
  "json-400-echo",
  "json-401-echo-key",
  "html-502-echo",
  "text-500-echo",
  "malformed-200-echo",
  "html-200-echo",
  "reset",
  "slow",
) as fc.Arbitrary<string>;

function reply(kind: string, echo: string) {
  switch (kind) {
    case "json-400-echo":
      return {
        status: 400,
        body: { error: { code: 400, message: `bad token ${echo}`, constraintViolations: [{ path: echo, message: echo }] } },
      };
    case "json-401-echo-key":
      return { status: 401, body: { [echo]: echo, message: echo } };
    case "html-502-echo":
      return { status: 502, headers: { "content-type": "text/html" }, body: `<html><body>${echo}</body></html>` };
    case "text-500-echo":
      return { status: 500, headers: { "content-type": "text/plain" }, body: `failed for ${echo}` };
    case "malformed-200-echo":
      return { status: 200, headers: { "content-type": "application/json" }, body: `{"token": "${echo}"` };
    case "html-200-echo":
      return { status: 200, headers: { "content-type": "text/html" }, body: `<p>${echo}</p>` };
    case "slow":
      return { status: 200, delayMs: 200, body: {} };
    default:
      return "reset" as const;
  }
}

function printedForms(error: unknown): string[] {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: null, showHidden: true }),
    inspect((error as Error).cause, { depth: null }),
  ];
}

describe("property: no credential or token secret in any printed form of any error", () => {
  it("holds for credentials echoed back by every kind of failure", async () => {
    await fc.assert(
      fc.asyncProperty(credential, failure, fc.constantFrom("bearer", "prefixed", "custom", "session"), async (token, kind, scheme) => {
        // A fallback, not a one-shot script: a request of an earlier run that arrives late (the
        // client gave up on it) must not take this run's answer.
        server.fallback((r) => reply(kind, String(r.headers.authorization ?? r.headers["x-api-key"] ?? r.headers.cookie)));
        const client = acmeClient({ baseUrl: server.url, token, scheme, retry: false, timeout: 100 });
        const error = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } })).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isApiTokensError(error)).toBe(true);
        for (const printed of printedForms(error)) {
          expect(printed).not.toContain(token);
          expect(printed).not.toContain(encodeURIComponent(token));
          expect(printed).not.toContain(JSON.stringify(token).slice(1, -1));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("holds for echoes of any 16-character part of the credential (prefix, suffix or infix)", async () => {
    const part = fc.record({ start: fc.nat(), length: fc.integer({ min: PARTIAL_ECHO, max: 40 }) });
    await fc.assert(
      fc.asyncProperty(credential, failure, part, async (token, kind, { start, length }) => {
        const from = start % (token.length - PARTIAL_ECHO + 1);
        const echo = token.slice(from, from + length);
        server.fallback(() => reply(kind, echo));
        const client = acmeClient({ baseUrl: server.url, token, retry: false, timeout: 100 });
        const error = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } })).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isApiTokensError(error)).toBe(true);
        for (const printed of printedForms(error)) {
          for (let i = 0; i + PARTIAL_ECHO <= echo.length; i++) expect(printed).not.toContain(echo.slice(i, i + PARTIAL_ECHO));
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("holds for token secrets sent as a path parameter and echoed back", async () => {
    await fc.assert(
      fc.asyncProperty(dynatraceSecret, failure, async (secret, kind) => {
        server.fallback((r) => reply(kind, decodeURIComponent(r.url)));
        const client = acmeClient({ baseUrl: server.url, retry: false, timeout: 100 });
        const error = await unwrap(client.DELETE("/tokens/{id}", { params: { path: { id: secret } } })).then(
          () => undefined,
          (e: unknown) => e,
        );
        // DELETE declares no 200 body, so a 200 with any body is a success, not an error.
        if (error === undefined) return;
        const secretPart = secret.split(".")[2] ?? "";
        for (const printed of printedForms(error)) expect(printed).not.toContain(secretPart);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
