import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import { ApiTokensError } from "../../src/index.js";
import { PARTIAL_ECHO, Redactor } from "../../src/redact.js";

/** A credential in play (the configured token, an access token, a client secret, …). */
const CREDENTIAL = "Qx7-vN2pL8rTb4KdWm0sY5zA1cE9gH3jU6fR";
/** Echoes a server or a library might make of it: whole, and 16-character prefix, suffix and infix. */
const ECHOES = [CREDENTIAL, CREDENTIAL.slice(0, PARTIAL_ECHO), CREDENTIAL.slice(-PARTIAL_ECHO), CREDENTIAL.slice(9, 9 + PARTIAL_ECHO + 3)];
const echo = (i: number) => `echo <${ECHOES[i % ECHOES.length]}>`;

type Options = Record<string, unknown>;
const redactor = new Redactor();
redactor.add(CREDENTIAL);

/** Options every error accepts, each field carrying an echo of the credential. */
const base = (): Options => ({
  redactor,
  vendor: echo(0),
  vendorName: echo(1),
  operation: `GET /tokens/${echo(2)}`,
  label: echo(3),
  cause: Object.assign(new Error(`low level: ${echo(0)}`), { code: echo(1), cause: new Error(echo(3)) }),
});
const httpOptions = (): Options => ({
  ...base(),
  status: 400,
  body: { error: { message: echo(0), [echo(1)]: [echo(2)] } },
  requestId: echo(3),
  request: { method: "GET", url: `https://api.example.com/tokens/${echo(0)}` },
});

/**
 * How to make an instance of each error class. A class exported from the index and missing
 * here fails the test below: a new error class must be covered.
 */
const MAKERS: Record<string, () => Options> = {
  ApiTokensError: base,
  ApiError: httpOptions,
  BadRequestError: httpOptions,
  AuthenticationError: httpOptions,
  PermissionDeniedError: httpOptions,
  NotFoundError: httpOptions,
  ConflictError: httpOptions,
  ServerError: httpOptions,
  RateLimitError: () => ({ ...httpOptions(), retryAfterMs: 1_000 }),
  ConfigurationError: base,
  ConnectionError: () => ({ ...base(), code: echo(0) }),
  CredentialError: () => ({ ...base(), option: echo(1), envVar: echo(2) }),
  PathParameterError: () => ({ ...base(), parameter: echo(3) }),
  RequestAbortedError: base,
  ResponseParseError: () => ({ ...base(), status: 200, contentType: `text/html; ${echo(0)}`, bodySnippet: `<p>${echo(1)}</p>` }),
  ResponseShapeError: () => ({ ...base(), status: 200, pointer: `/items/${echo(0)}`, expected: echo(1), requestId: echo(2) }),
  TimeoutError: () => ({ ...base(), kind: "attempt", timeoutMs: 1_000 }),
  TokenExchangeError: () => ({ ...base(), status: 401, oauthError: echo(2) }),
  UnsupportedOperationError: () => ({ ...base(), capability: echo(3) }),
  // The lifecycle's errors hold tokens (every string field an echo; dates stay dates) and secrets, which print redacted on their own.
  RotationError: () => ({
    ...base(),
    state: "both-active",
    replacement: { token: token(0), secret: new core.Secret("Zr5-not-the-credential-8841") },
    lostReplacement: token(1),
    candidates: [token(2), token(3)],
  }),
  SecretLostError: () => ({ ...base(), token: token(1) }),
  CreateOutcomeUnknownError: () => ({ ...base(), tokenName: echo(2), candidates: [token(0), token(3)] }),
};

/** A token whose every string field holds an echo of the credential. */
function token(i: number): core.TokenInfo {
  return {
    vendor: "dynatrace",
    account: echo(i + 1),
    id: `t${i}`,
    name: echo(i),
    enabled: true,
    createdAt: new Date("2025-01-02T03:04:05Z"),
    expiresAt: null,
    lastUsedAt: undefined,
    scopes: [echo(i + 2)],
    owner: echo(i + 3),
    raw: { name: echo(i), nested: { owner: [echo(i + 1)] } },
  };
}

const errorClasses = Object.entries(core as Record<string, unknown>).filter(
  (entry): entry is [string, new (message: string, options: Options) => Error] =>
    typeof entry[1] === "function" && (entry[1] as { prototype?: unknown }).prototype instanceof Error,
);

function printedForms(error: Error): Record<string, string> {
  return {
    message: error.message,
    String: String(error),
    stack: error.stack ?? "",
    JSON: JSON.stringify(error),
    inspect: inspect(error, { depth: null }),
    "inspect (hidden)": inspect(error, { depth: null, showHidden: true }),
    cause: inspect(error.cause, { depth: null }),
    ...Object.fromEntries(Object.entries(error).map(([key, value]) => [`field ${key}`, inspect(value, { depth: null })])),
  };
}

describe("every field of every error class is redacted", () => {
  it("covers every error class the package exports", () => {
    expect(errorClasses.length).toBeGreaterThan(15);
    expect(errorClasses.map(([name]) => name).filter((name) => !(name in MAKERS))).toEqual([]);
    for (const [, errorClass] of errorClasses)
      expect(errorClass === ApiTokensError || errorClass.prototype instanceof ApiTokensError).toBe(true);
  });

  it.each(errorClasses.map(([name, errorClass]) => ({ name, errorClass })))(
    "$name holds no credential, whole or a 16-character part, in any form",
    ({ name, errorClass }) => {
      const make = MAKERS[name];
      if (!make) throw new Error(`no maker for ${name}`);
      const error = new errorClass(`failed: ${echo(0)} / ${echo(1)} / ${echo(2)} / ${echo(3)}`, make());
      for (const [form, printed] of Object.entries(printedForms(error))) {
        for (let i = 0; i + PARTIAL_ECHO <= CREDENTIAL.length; i++) {
          const part = CREDENTIAL.slice(i, i + PARTIAL_ECHO);
          expect(printed.includes(part), `${name} ${form} holds "${part}": ${printed}`).toBe(false);
        }
      }
      // The redaction replaced what it removed, so the message still says something happened.
      expect(error.message).toContain(`echo <${core.REDACTED}>`);
    },
  );
});

describe("fields cut to a bound are redacted first", () => {
  it.each([
    { given: "requestId", make: () => new core.ApiError("x", { status: 500, redactor, requestId: `${"r".repeat(120)}${CREDENTIAL}` }) },
    {
      given: "bodySnippet",
      make: () => new core.ResponseParseError("x", { status: 200, redactor, bodySnippet: `${"b".repeat(100)}${CREDENTIAL}` }),
    },
    { given: "oauthError", make: () => new core.TokenExchangeError("x", { redactor, oauthError: `${"o".repeat(120)}${CREDENTIAL}` }) },
  ])("$given", ({ given, make }) => {
    const value = (make() as unknown as Record<string, string>)[given] ?? "";
    expect(value.length).toBeLessThanOrEqual(128);
    expect(value).toContain(core.REDACTED.slice(0, 4));
    expect(value).not.toContain(CREDENTIAL.slice(0, 8));
  });
});
