import type { TokenInfo } from "apitokens";
import { describe, expect, it } from "vitest";
import { DEFAULT_AUDIT_POLICY, findings } from "../src/audit.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function token(facts: Partial<TokenInfo>): TokenInfo {
  return {
    vendor: "x",
    id: "1",
    name: "t",
    enabled: true,
    createdAt: daysAgo(400),
    expiresAt: inDays(300),
    lastUsedAt: daysAgo(1),
    scopes: [],
    owner: undefined,
    raw: {},
    ...facts,
  };
}

describe("findings", () => {
  it.each([
    { given: "a healthy token", facts: {}, want: [] },
    { given: "expired yesterday", facts: { expiresAt: daysAgo(1) }, want: ["expired"] },
    { given: "expires right now", facts: { expiresAt: NOW }, want: ["expired"] },
    { given: "expires in 10 days", facts: { expiresAt: inDays(10) }, want: ["expiring-soon"] },
    { given: "expires in 31 days", facts: { expiresAt: inDays(31) }, want: [] },
    { given: "never used", facts: { lastUsedAt: null }, want: ["never-used"] },
    { given: "last used 120 days ago", facts: { lastUsedAt: daysAgo(120) }, want: ["unused"] },
    { given: "last used 80 days ago", facts: { lastUsedAt: daysAgo(80) }, want: [] },
    { given: "never expires", facts: { expiresAt: null }, want: ["never-expires"] },
    { given: "disabled", facts: { enabled: false }, want: ["disabled"] },
    {
      given: "unknown expiry and use (vendor does not say)",
      facts: { expiresAt: undefined, lastUsedAt: undefined, enabled: undefined },
      want: [],
    },
    {
      given: "everything at once",
      facts: { expiresAt: null, lastUsedAt: null, enabled: false },
      want: ["never-used", "never-expires", "disabled"],
    },
  ])("$given → $want", ({ facts, want }) => {
    expect(findings(token(facts), NOW)).toEqual(want);
  });

  it("takes its thresholds from the policy", () => {
    const t = token({ expiresAt: inDays(45), lastUsedAt: daysAgo(20) });
    expect(findings(t, NOW, { expiringWithinMs: 60 * 86_400_000, unusedForMs: 14 * 86_400_000 })).toEqual(["expiring-soon", "unused"]);
    expect(findings(t, NOW, DEFAULT_AUDIT_POLICY)).toEqual([]);
  });
});
