import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, FAULT_TIMING, type Fault, type RunningSandbox, type Sandbox, startSandbox } from "../src/node.js";

// Each fault kind, on the in-process handler and on the started server: a fault *before*
// the server acts leaves the state as it was; a fault *after* it leaves the change made and
// the answer lost.

let server: RunningSandbox;
beforeAll(async () => {
  server = await startSandbox({ port: 0, seed: "fault-timing", validateResponses: true });
});
afterAll(() => server?.close());

const targets: { name: string; sandbox: () => Sandbox; fetch: () => typeof fetch }[] = [
  { name: "in-process", sandbox: () => inProcess, fetch: () => inProcess.fetch as typeof fetch },
  { name: "server", sandbox: () => server, fetch: () => fetch },
];
const inProcess = createSandbox({ seed: "fault-timing", validateResponses: true });

/** Creates a Dynatrace token named `name`; what the client saw: a status, or the error it got. */
async function create(
  target: (typeof targets)[number],
  name: string,
  signal?: AbortSignal,
): Promise<{ status?: number; body?: string; error?: unknown }> {
  const sandbox = target.sandbox();
  try {
    const response = await target.fetch()(`${sandbox.url("dynatrace")}/apiTokens`, {
      method: "POST",
      headers: { authorization: `Api-Token ${sandbox.credentials.dynatrace}`, "content-type": "application/json" },
      body: JSON.stringify({ name, scopes: ["metrics.read"] }),
      ...(signal ? { signal } : {}),
    });
    try {
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: response.status, error };
    }
  } catch (error) {
    return { error };
  }
}
const exists = (sandbox: Sandbox, name: string) => sandbox.state.dynatrace.all().some((token) => token.name === name);

const CASES: { given: Fault; want: { applied: boolean; status?: number; error?: string } }[] = [
  { given: { kind: "rate-limit", retryAfterSeconds: 2 }, want: { applied: false, status: 429 } },
  { given: { kind: "unavailable", retryAfterSeconds: 2 }, want: { applied: false, status: 503 } },
  { given: { kind: "reset" }, want: { applied: false, error: "fetch failed" } },
  { given: { kind: "malformed" }, want: { applied: false, status: 200 } },
  { given: { kind: "reset-after" }, want: { applied: true, error: "fetch failed" } },
  { given: { kind: "bad-gateway" }, want: { applied: true, status: 502 } },
  { given: { kind: "gateway-timeout" }, want: { applied: true, status: 504 } },
  { given: { kind: "truncated" }, want: { applied: true, status: 201, error: "terminated" } },
];

describe.each(targets)("$name", (target) => {
  it.each(CASES)("$given.kind: applied $want.applied", async ({ given, want }) => {
    const sandbox = target.sandbox();
    const name = `fault-${given.kind}-${target.name}`;
    sandbox.faults.next("dynatrace", given, { operationId: "createApiToken" });
    const seen = await create(target, name);
    expect(FAULT_TIMING[given.kind]).toBe(want.applied ? "after" : "before");
    expect(exists(sandbox, name)).toBe(want.applied);
    if (want.status !== undefined) expect(seen.status).toBe(want.status);
    if (want.error !== undefined) expect((seen.error as Error | undefined)?.message).toBe(want.error);
    else expect(seen.error).toBeUndefined();
    // The next request is answered normally.
    expect((await create(target, `${name}-again`)).status).toBe(201);
    expect(sandbox.violations).toEqual([]);
  });

  it("timeout: the token is created and no answer comes until the client gives up", async () => {
    const sandbox = target.sandbox();
    const name = `fault-timeout-${target.name}`;
    sandbox.faults.next("dynatrace", { kind: "timeout" });
    const controller = new AbortController();
    const pending = create(target, name, controller.signal);
    // The server acts before it stops answering: wait for the token, not for a time.
    await until(() => exists(sandbox, name));
    controller.abort(new Error("client gave up"));
    const seen = await pending;
    expect(seen.status).toBeUndefined();
    expect(seen.error).toBeDefined();
    expect((await create(target, `${name}-again`)).status).toBe(201);
  });

  it("targets an operation and a method, and counts", async () => {
    const sandbox = target.sandbox();
    const list = () =>
      target.fetch()(`${sandbox.url("dynatrace")}/apiTokens`, { headers: { authorization: `Api-Token ${sandbox.credentials.dynatrace}` } });
    sandbox.faults.next("dynatrace", { kind: "unavailable" }, { method: "post", times: 2 });
    expect((await list()).status).toBe(200);
    expect((await create(target, `targeted-1-${target.name}`)).status).toBe(503);
    expect((await list()).status).toBe(200);
    expect((await create(target, `targeted-2-${target.name}`)).status).toBe(503);
    expect(sandbox.faults.pending("dynatrace")).toBe(0);
    expect((await create(target, `targeted-3-${target.name}`)).status).toBe(201);
  });
});

it("refuses an unknown fault kind", () => {
  expect(() => inProcess.faults.next("dynatrace", { kind: "explode" } as unknown as Fault)).toThrow(
    new RangeError('unknown fault kind "explode"'),
  );
});

/** Resolves once `condition` holds, checking on every turn of the event loop (no fixed sleep). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
