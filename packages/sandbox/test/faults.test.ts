import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSandbox, type RunningSandbox, type Sandbox, startSandbox } from "../src/node.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "faults" });
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.faults.clear());

/** Lists Dynatrace tokens through the sandbox's own `fetch` (in-process) or over HTTP. */
const list = (s: Sandbox = sandbox, init: RequestInit = {}) =>
  (s === sandbox ? fetch : s.fetch)(`${s.url("dynatrace")}/apiTokens`, {
    ...init,
    headers: { authorization: `Api-Token ${s.credentials.dynatrace}` },
  });
const timeweb = () =>
  fetch(`${sandbox.url("timeweb")}/api/v1/auth/api-keys`, { headers: { authorization: `Bearer ${sandbox.credentials.timeweb}` } });

describe("scripted answers", () => {
  it("answers the next N requests with 429 and Retry-After, then normally again", async () => {
    sandbox.faults.next("dynatrace", { kind: "rate-limit", retryAfterSeconds: 7 }, 2);
    expect(sandbox.faults.pending("dynatrace")).toBe(2);
    const first = await list();
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await first.json()).toEqual({ error: { code: 429, message: "Too many requests. Rate limit exceeded." } });
    expect((await list()).status).toBe(429);
    expect(sandbox.faults.pending("dynatrace")).toBe(0);
    expect((await list()).status).toBe(200);
  });

  it("words a 503 in each vendor's error shape", async () => {
    for (const vendor of ["dynatrace", "timeweb", "qernal", "sematext"] as const)
      sandbox.faults.next(vendor, { kind: "unavailable", retryAfterSeconds: 3 });
    const dynatrace = await list();
    expect([dynatrace.status, await dynatrace.json()]).toEqual([
      503,
      { error: { code: 503, message: "Service temporarily unavailable." } },
    ]);
    const tw = await timeweb();
    expect(tw.status).toBe(503);
    expect(tw.headers.get("retry-after")).toBe("3");
    expect(await tw.json()).toMatchObject({ status_code: 503, error_code: "service_unavailable", response_id: expect.any(String) });
    const qernal = await fetch(`${sandbox.url("qernal")}/auth/tokens`);
    expect([qernal.status, await qernal.json()]).toEqual([503, { message: "Service temporarily unavailable." }]);
    const sematext = await fetch(`${sandbox.url("sematext")}/users-web/api/v3/apps/${sandbox.sematextApps[0]}/tokens`);
    expect([sematext.status, await sematext.json()]).toEqual([503, { success: false, message: "Service temporarily unavailable." }]);
  });

  it("drops the connection on a reset, and the server keeps serving", async () => {
    sandbox.faults.next("dynatrace", { kind: "reset" });
    const error = await list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect((await list()).status).toBe(200);
  });

  it("sends a malformed body with the vendor's JSON content type", async () => {
    sandbox.faults.next("timeweb", { kind: "malformed" });
    const response = await timeweb();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("scripts per vendor: a Dynatrace fault leaves Timeweb alone", async () => {
    sandbox.faults.next("dynatrace", { kind: "unavailable" });
    expect((await timeweb()).status).toBe(200);
    expect((await list()).status).toBe(503);
  });
});

describe("standing faults", () => {
  it("delays every answer by the latency, and no longer", async () => {
    // Fake timers: the delay is observed on the sandbox's clock, not measured on a busy machine.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const s = createSandbox({ seed: "faults", faults: { dynatrace: { latencyMs: 150 } } });
      let settled = false;
      const pending = list(s).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(149);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
      s.faults.set("dynatrace", { latencyMs: [0, 5] });
      settled = false;
      const quick = list(s).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(5);
      expect(settled).toBe(true);
      expect((await quick).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("fails the share of requests the failure rate says, with the configured answer", async () => {
    sandbox.faults.set("dynatrace", { failureRate: 1, failure: { kind: "rate-limit" } });
    for (let i = 0; i < 5; i++) expect((await list()).status).toBe(429);
    sandbox.faults.set("dynatrace", { failureRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await list()).status);
    const failed = statuses.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(50);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  });

  it("with a seed, the same requests fail on every run", async () => {
    const run = async () => {
      const s = createSandbox({ seed: "flaky", faults: { dynatrace: { failureRate: 0.3 } } });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await list(s)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(await run()).toEqual(first);
  });

  it("refuses settings out of range", () => {
    expect(() => sandbox.faults.set("dynatrace", { failureRate: 1.5 })).toThrow(RangeError);
    expect(() => sandbox.faults.set("dynatrace", { latencyMs: -1 })).toThrow(RangeError);
    expect(() => sandbox.faults.set("dynatrace", { latencyMs: [50, 10] })).toThrow(RangeError);
    expect(() => sandbox.faults.next("dynatrace", { kind: "reset" }, 0)).toThrow(RangeError);
  });
});

describe("in process", () => {
  it("rejects a reset like undici's fetch: TypeError with an ECONNRESET cause", async () => {
    const s = createSandbox({ seed: "faults" });
    s.faults.next("dynatrace", { kind: "reset" });
    const error = await list(s).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as TypeError).cause as { code?: string }).code).toBe("ECONNRESET");
  });

  it("stops waiting out the latency when the request is aborted", async () => {
    const s = createSandbox({ seed: "faults", faults: { dynatrace: { latencyMs: 10_000 } } });
    const controller = new AbortController();
    const pending = list(s, { signal: controller.signal });
    controller.abort(new Error("gave up"));
    await expect(pending).rejects.toThrow("gave up");
  });
});
