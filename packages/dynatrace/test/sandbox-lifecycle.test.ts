import { inspect } from "node:util";
import {
  AuthenticationError,
  BadRequestError,
  createTokens,
  NotFoundError,
  paginate,
  RateLimitError,
  ResponseParseError,
  SecretLostError,
  unwrap,
} from "@apitokens/core";
import { createSandbox, type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynatraceClient, type DynatraceClient, dynatraceAdapter, type ErrorEnvelope } from "../src/index.js";

// The typed client drives the whole token lifecycle against @apitokens/sandbox over real
// HTTP on 127.0.0.1, and every assertion on the API's answers is checked against the
// sandbox's state as well.

const SECRET = /^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/;
let sandbox: RunningSandbox;
let client: DynatraceClient;
const requested: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "dynatrace-lifecycle", tokens: { dynatrace: 1200 }, validateResponses: true });
  client = createDynatraceClient({
    baseUrl: sandbox.url("dynatrace"),
    token: sandbox.credentials.dynatrace,
    fetch: (input, init) => {
      requested.push(input.url);
      return fetch(input, init);
    },
  });
});
afterAll(async () => {
  // Everything the sandbox answered in these tests conformed to specs/dynatrace.yaml.
  expect(sandbox?.violations).toEqual([]);
  await sandbox?.close();
});

describe("Dynatrace lifecycle against the sandbox", () => {
  it("lists 1,200+ tokens with paginate, sending only the cursor after the first page", async () => {
    requested.length = 0;
    const ids: string[] = [];
    for await (const token of paginate(client, "/apiTokens", { params: { query: { pageSize: 100, sort: "+creationDate" } } }))
      ids.push(token.id);
    expect(ids).toHaveLength(sandbox.state.dynatrace.size);
    expect(new Set(ids)).toEqual(new Set(sandbox.state.dynatrace.all().map((t) => t.id)));
    expect(requested).toHaveLength(Math.ceil(sandbox.state.dynatrace.size / 100));
    expect(new URL(requested[0] ?? "").searchParams.get("pageSize")).toBe("100");
    for (const url of requested.slice(1)) expect([...new URL(url).searchParams.keys()]).toEqual(["nextPageKey"]);
  });

  it("creates, gets, updates, looks up, rotates and deletes a token; 404 after delete", async () => {
    const created = await unwrap(
      client.POST("/apiTokens", { body: { name: "lifecycle", scopes: ["metrics.read", "logs.read"], expirationDate: "now+30d" } }),
    );
    expect(created.token).toMatch(SECRET);
    expect(created.token.startsWith(`${created.id}.`)).toBe(true);
    expect(sandbox.state.dynatrace.get(created.id)).toMatchObject({
      name: "lifecycle",
      owner: "sandbox.admin",
      enabled: true,
      secret: created.token,
    });

    const read = await unwrap(client.GET("/apiTokens/{id}", { params: { path: { id: created.id } } }));
    expect(read).toMatchObject({ id: created.id, name: "lifecycle", scopes: ["metrics.read", "logs.read"], personalAccessToken: false });
    expect(JSON.stringify(read)).not.toContain(created.token.slice(32));

    await unwrap(
      client.PUT("/apiTokens/{id}", { params: { path: { id: created.id } }, body: { name: "lifecycle-v2", scopes: ["metrics.read"] } }),
    );
    await unwrap(client.PUT("/apiTokens/{id}", { params: { path: { id: created.id } }, body: { enabled: false } }));
    expect(sandbox.state.dynatrace.get(created.id)).toMatchObject({ name: "lifecycle-v2", scopes: ["metrics.read"], enabled: false });

    const looked = await unwrap(client.POST("/apiTokens/lookup", { body: { token: created.token } }));
    expect(looked).toMatchObject({ id: created.id, name: "lifecycle-v2", enabled: false });

    // Dynatrace has no regenerate: rotating is creating the replacement, then deleting the old token.
    const replacement = await unwrap(client.POST("/apiTokens", { body: { name: "lifecycle-v3", scopes: ["metrics.read"] } }));
    await unwrap(client.DELETE("/apiTokens/{id}", { params: { path: { id: created.id } } }));
    expect(sandbox.state.dynatrace.get(created.id)).toBeUndefined();
    expect(sandbox.state.dynatrace.get(replacement.id)?.name).toBe("lifecycle-v3");

    const gone = await unwrap(client.GET("/apiTokens/{id}", { params: { path: { id: created.id } } })).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as NotFoundError).status).toBe(404);
    // The 404 carries an ErrorEnvelope, as the vendor's other errors do.
    expect((gone as NotFoundError).body).toEqual({ error: { code: 404, message: "The requested token could not be found." } });

    // DELETE accepts the full secret as well.
    await unwrap(client.DELETE("/apiTokens/{id}", { params: { path: { id: sandbox.state.dynatrace.get(replacement.id)?.secret ?? "" } } }));
    expect(sandbox.state.dynatrace.get(replacement.id)).toBeUndefined();
  });

  it("gets the vendor's error envelope for bad requests, and the rule that the calling token cannot delete itself", async () => {
    const empty = await unwrap(client.POST("/apiTokens", { body: { name: "x", scopes: [] } })).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(BadRequestError);
    expect((empty as BadRequestError<ErrorEnvelope>).body?.error?.constraintViolations?.[0]).toMatchObject({
      path: "scopes",
      parameterLocation: "PAYLOAD_BODY",
    });

    const small = await unwrap(client.GET("/apiTokens", { params: { query: { pageSize: 50 } } })).catch((e: unknown) => e);
    expect((small as BadRequestError<ErrorEnvelope>).body?.error?.constraintViolations?.[0]).toMatchObject({
      path: "pageSize",
      parameterLocation: "QUERY",
    });

    const self = sandbox.state.dynatrace.bySecret(sandbox.credentials.dynatrace)?.id ?? "";
    const suicide = await unwrap(client.DELETE("/apiTokens/{id}", { params: { path: { id: self } } })).catch((e: unknown) => e);
    expect(suicide).toBeInstanceOf(BadRequestError);
    expect((suicide as BadRequestError<ErrorEnvelope>).body).toEqual({
      error: { code: 400, message: "You can't delete the token you're using for authentication." },
    });
    expect(sandbox.state.dynatrace.get(self)).toBeDefined();
  });

  it("gets the vendor's 401 for a wrong token", async () => {
    const stranger = createDynatraceClient({ baseUrl: sandbox.url("dynatrace"), token: `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}` });
    const refused = await unwrap(stranger.GET("/apiTokens")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect((refused as AuthenticationError<ErrorEnvelope>).body).toEqual({ error: { code: 401, message: "Token Authentication failed" } });
  });

  it("retries a scripted 429 after its Retry-After, and surfaces one that persists", async () => {
    sandbox.faults.next("dynatrace", { kind: "rate-limit", retryAfterSeconds: 1 });
    const started = Date.now();
    const page = await unwrap(client.GET("/apiTokens", { params: { query: { pageSize: 100 } } }));
    expect(page.totalCount).toBe(sandbox.state.dynatrace.size);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    sandbox.faults.next("dynatrace", { kind: "rate-limit", retryAfterSeconds: 1 }, 1);
    const once = client.withOptions({ retry: false });
    const limited = await unwrap(once.GET("/apiTokens")).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError<ErrorEnvelope>).retryAfterMs).toBe(1000);
  });
});

describe("Dynatrace adapter: answers that break the spec, through the in-process sandbox", () => {
  const inProcess = createSandbox({ seed: "dynatrace-adapter" });
  /** A client whose create answers are replaced by `spoil` after the sandbox created the token. */
  const spoiling = (spoil: (text: string) => string) =>
    createDynatraceClient({
      baseUrl: inProcess.url("dynatrace"),
      token: inProcess.credentials.dynatrace,
      fetch: async (input, init) => {
        const response = await inProcess.fetch(input, init);
        if (input.method !== "POST" || !input.url.endsWith("/apiTokens")) return response;
        return new Response(spoil(await response.text()), { status: response.status, headers: response.headers });
      },
    });
  const halfSecret = (text: string) => text.slice(0, text.indexOf('"token"') + 60);

  it.each([
    ["an empty 201", () => ""],
    ["a {} 201", () => "{}"],
    ["a 201 without the secret", (text: string) => JSON.stringify({ ...JSON.parse(text), token: undefined })],
    ["a truncated 201", halfSecret],
  ])("%s: a typed error naming only the token this call created, with no piece of its secret", async (_label, spoil) => {
    const name = `spoilt-${Math.random().toString(36).slice(2)}`;
    const error = await createTokens(dynatraceAdapter(spoiling(spoil)))
      .create({ name, scopes: ["metrics.read"] })
      .catch((e: unknown) => e);
    const created = inProcess.state.dynatrace.all().filter((t) => t.name === name);
    expect(created).toHaveLength(1);
    expect(error).toBeInstanceOf(SecretLostError);
    expect((error as SecretLostError).token.id).toBe(created[0]?.id);
    expect((error as Error).message).toContain(`tokens.revoke("${created[0]?.id}")`);
    const secretPart = created[0]?.secret.split(".")[2] ?? "";
    const shown = `${inspect(error, { depth: 10 })}${JSON.stringify(error)}`;
    for (let i = 0; i + 8 <= secretPart.length; i++) expect(shown).not.toContain(secretPart.slice(i, i + 8));
  });

  // A 2xx body cut inside a secret: a shape redactor cannot recognise half a secret, so core keeps
  // no part of a JSON success body (nor JSON.parse's message, which quotes it), only its length.
  it("core: a truncated create answer through the raw client keeps no piece of the secret in bodySnippet", async () => {
    const error = await unwrap(spoiling(halfSecret).POST("/apiTokens", { body: { name: "raw-cut", scopes: ["metrics.read"] } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseParseError);
    const secretPart =
      inProcess.state.dynatrace
        .all()
        .find((t) => t.name === "raw-cut")
        ?.secret.split(".")[2] ?? "";
    expect((error as ResponseParseError).bodySnippet).toBeUndefined();
    expect((error as Error).message).toMatch(/201 with malformed JSON$/);
    expect(String((error as Error).cause)).toMatch(/^the body \(\d+ characters\) is left out: a success body may hold part of a secret$/);
    const shown = `${inspect(error, { depth: 10 })}${JSON.stringify(error)}${String((error as Error).stack)}`;
    for (let i = 0; i + 8 <= secretPart.length; i++) expect(shown).not.toContain(secretPart.slice(i, i + 8));
  });
});
