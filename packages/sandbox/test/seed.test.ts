import { describe, expect, it } from "vitest";
import { createSandbox } from "../src/node.js";

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const TWO_YEARS = 731 * 86_400_000;
const sandbox = createSandbox({ seed: "demo", now: () => NOW, tokens: { dynatrace: 400, timeweb: 100, qernal: 100, sematext: 40 } });

describe("seeded state", () => {
  it("hands out credentials of the vendors' real shapes", () => {
    const { credentials } = sandbox;
    expect(credentials.dynatrace).toMatch(/^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/);
    expect(credentials.timeweb).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    expect(credentials.qernal).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@[\w.~-]{32}$/);
    expect(credentials.sematext).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sandbox.state.qernal.get(credentials.qernal.split("@")[0] ?? "")?.secret).toBe(credentials.qernal);
  });

  it("gives Dynatrace owners, scopes, personal tokens, and tokens expired, disabled and never used", () => {
    const tokens = sandbox.state.dynatrace.all();
    expect(new Set(tokens.map((t) => t.owner)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(tokens.flatMap((t) => t.scopes)).size).toBeGreaterThan(20);
    const share = (test: (t: (typeof tokens)[number]) => boolean) => tokens.filter(test).length / tokens.length;
    expect(share((t) => t.personalAccessToken)).toBeGreaterThan(0.1);
    expect(share((t) => !t.enabled)).toBeGreaterThan(0.05);
    expect(share((t) => t.lastUsedDate === undefined)).toBeGreaterThan(0.1);
    expect(share((t) => t.expirationDate !== undefined && t.expirationDate < NOW)).toBeGreaterThan(0.05);
    expect(share((t) => t.expirationDate !== undefined && t.expirationDate > NOW)).toBeGreaterThan(0.05);
    for (const t of tokens) {
      expect(t.secret).toMatch(/^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/);
      expect(t.creationDate).toBeGreaterThan(NOW - TWO_YEARS);
      expect(t.creationDate).toBeLessThan(NOW);
      if (t.lastUsedDate !== undefined) expect(t.lastUsedDate).toBeGreaterThanOrEqual(t.creationDate);
      if (t.expirationDate !== undefined) expect(t.expirationDate).toBeGreaterThan(t.creationDate);
    }
    const created = tokens.map((t) => t.creationDate);
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(TWO_YEARS * 0.9);
  });

  it("gives Timeweb and Qernal tokens that never expire, have expired, and are still valid", () => {
    const timeweb = sandbox.state.timeweb.all();
    expect(timeweb.some((t) => t.expiredAt === undefined)).toBe(true);
    expect(timeweb.some((t) => t.expiredAt !== undefined && t.expiredAt < NOW)).toBe(true);
    expect(timeweb.some((t) => t.expiredAt !== undefined && t.expiredAt > NOW)).toBe(true);
    for (const t of timeweb) {
      expect(t.secret).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      if (t.expiredAt !== undefined) expect(t.expiredAt).toBeGreaterThan(t.createdAt);
    }
    const qernal = sandbox.state.qernal.all();
    expect(qernal.some((t) => t.expiresAt === undefined)).toBe(true);
    expect(qernal.some((t) => t.expiresAt !== undefined && t.expiresAt < NOW)).toBe(true);
    expect(qernal.every((t) => /^[A-Za-z-]+$/.test(t.name) && t.secret.startsWith(`${t.id}@`))).toBe(true);
  });

  it("gives every Sematext App a default token plus shippers and read-only tokens, some disabled", () => {
    expect(sandbox.sematextApps).toHaveLength(3);
    for (const id of sandbox.sematextApps) {
      const tokens = [...(sandbox.state.sematext.app(id)?.tokens.values() ?? [])];
      expect(tokens).toHaveLength(41);
      expect(tokens[0]).toMatchObject({ name: "default", readable: true, writeable: true, enabled: true });
      expect(tokens.some((t) => t.readable && !t.writeable)).toBe(true);
      expect(tokens.some((t) => !t.enabled)).toBe(true);
    }
    const ids = sandbox.state.sematext.apps().flatMap((app) => [...app.tokens.keys()]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
