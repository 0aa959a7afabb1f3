import { describe, expect, it } from "vitest";
import { CreateOutcomeUnknownError, RotationError, Secret, SecretLostError, type TokenInfo } from "../../src/index.js";
import { Redactor } from "../../src/redact.js";

const CREDENTIAL = "Qx7-vN2pL8rTb4KdWm0sY5zA1cE9gH3jU6fR";
const redactor = new Redactor();
redactor.add(CREDENTIAL);
const CREATED = new Date("2025-01-02T03:04:05Z");
const EXPIRES = new Date("2026-01-02T00:00:00Z");

const token: TokenInfo = {
  vendor: "gitlab",
  account: undefined,
  id: "project:7:41",
  name: `ci ${CREDENTIAL}`,
  enabled: true,
  createdAt: CREATED,
  expiresAt: EXPIRES,
  lastUsedAt: null,
  scopes: ["api"],
  owner: `bot ${CREDENTIAL}`,
  raw: { name: `ci ${CREDENTIAL}`, created_at: "2025-01-02T03:04:05Z" },
};

/** Every token an error holds, by the field it is in. */
const held = {
  "SecretLostError.token": () => new SecretLostError("lost", { redactor, token }).token,
  "CreateOutcomeUnknownError.candidates[0]": () =>
    new CreateOutcomeUnknownError("unknown", { redactor, tokenName: "ci", candidates: [token] }).candidates[0],
  "RotationError.replacement.token": () =>
    new RotationError("x", { redactor, state: "both-active", replacement: { token, secret: new Secret("s-1234567890") } }).replacement
      ?.token,
  "RotationError.lostReplacement": () =>
    new RotationError("x", { redactor, state: "rotated-secret-lost", lostReplacement: token }).lostReplacement,
  "RotationError.candidates[0]": () => new RotationError("x", { redactor, state: "unknown", candidates: [token] }).candidates[0],
};

describe("tokens on lifecycle errors: string fields redacted, dates kept", () => {
  it.each(Object.entries(held))("%s", (_field, read) => {
    const kept = read();
    expect(kept).toMatchObject({ id: "project:7:41", enabled: true, lastUsedAt: null, scopes: ["api"] });
    expect(kept?.createdAt).toBeInstanceOf(Date);
    expect(kept?.createdAt?.getTime()).toBe(CREATED.getTime());
    expect(kept?.expiresAt).toEqual(EXPIRES);
    expect(JSON.stringify(kept)).not.toContain(CREDENTIAL.slice(0, 16));
    expect(kept?.name).toMatch(/^ci /);
    expect(kept?.owner).toMatch(/^bot /);
    // The caller's object is not changed.
    expect(token.name).toContain(CREDENTIAL);
  });
});
