import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/node.js";

let withCors: RunningSandbox;
let without: RunningSandbox;
beforeAll(async () => {
  [withCors, without] = await Promise.all([startSandbox({ seed: "cors", cors: true }), startSandbox({ seed: "cors" })]);
});
afterAll(() => Promise.all([withCors?.close(), without?.close()]));

const ORIGIN = "http://page.example";
const preflight = (sandbox: RunningSandbox) =>
  fetch(`${sandbox.url("dynatrace")}/apiTokens`, {
    method: "OPTIONS",
    headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
const simple = (sandbox: RunningSandbox) =>
  fetch(`${sandbox.url("dynatrace")}/apiTokens`, {
    headers: { origin: ORIGIN, authorization: `Api-Token ${sandbox.credentials.dynatrace}` },
  });

describe("startSandbox({ cors: true })", () => {
  it("answers a preflight before authentication, allowing the headers asked for", async () => {
    const response = await preflight(withCors);
    expect(response.status).toBe(204);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith("access-control-")))).toEqual({
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      "access-control-allow-headers": "authorization,content-type",
      "access-control-max-age": "600",
    });
  });

  it("lets a page read an answer and its headers", async () => {
    const response = await simple(withCors);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toBe("*");
    withCors.faults.next("dynatrace", { kind: "rate-limit", retryAfterSeconds: 3 });
    const limited = await simple(withCors);
    expect([limited.status, limited.headers.get("access-control-allow-origin"), limited.headers.get("retry-after")]).toEqual([
      429,
      "*",
      "3",
    ]);
  });
});

describe("by default", () => {
  it("sends no CORS headers and does not answer preflights", async () => {
    const response = await preflight(without);
    expect(response.status).toBe(405);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect((await simple(without)).headers.get("access-control-allow-origin")).toBeNull();
  });
});
