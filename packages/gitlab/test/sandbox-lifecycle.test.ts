// The unified lifecycle over the GitLab adapter, against the sandbox's GitLab emulator
// (in-process, through test/support/gitlab-sandbox.ts until the sandbox registers GitLab).
import {
  ApiError,
  AuthenticationError,
  ConfigurationError,
  isApiError,
  isApiTokensError,
  RotationError,
  Secret,
  SecretLostError,
  unwrap,
} from "@apitokens/core";
import { createSandbox, type Fault } from "@apitokens/sandbox";
import { describe, expect, it } from "vitest";
import { createGitlabClient, type GitlabToken, vendor } from "../src/index.js";
import { type GitlabSandbox, gitlabSandbox } from "./support/gitlab-sandbox.js";

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function setup(options: { count?: number; token?: string; fetch?: GitlabSandbox["fetch"] } = {}) {
  const sandbox = gitlabSandbox({ count: options.count ?? 12 });
  const { tokens, client } = vendor.connect({
    ...sandbox.connect,
    token: options.token ?? sandbox.credential,
    fetch: options.fetch ?? sandbox.fetch,
    retry: false,
  });
  return { sandbox, tokens, client };
}

const rotateCalls = (sandbox: GitlabSandbox) => sandbox.log.filter((r) => r.method === "POST" && r.path.endsWith("/rotate"));

describe("list and get", () => {
  it("lists personal, project and group tokens across pages of 100, each with its kind in the id", async () => {
    const { sandbox, tokens } = setup({ count: 230 });
    const listed = [];
    for await (const token of tokens.list()) listed.push(token);
    const stored = sandbox.store.all();
    expect(listed).toHaveLength(stored.length);
    expect(new Set(listed.map((t) => t.id.split(":")[0]))).toEqual(new Set(["pat", "project", "group"]));
    for (const token of listed) {
      const raw = token.raw as GitlabToken;
      const want = raw.kind === "pat" ? `pat:${raw.id}` : `${raw.kind}:${raw.resourceId}:${raw.id}`;
      expect(token.id).toBe(want);
      expect(JSON.stringify(token)).not.toMatch(/glpat-/);
    }
    // More than 100 PATs: the second page was asked for with page=2, per_page=100.
    expect(sandbox.log.filter((r) => r.path.endsWith("/personal_access_tokens")).length).toBeGreaterThan(1);
  });

  it.each([
    { given: "pat", want: "/personal_access_tokens/" },
    { given: "project", want: "/projects/7/access_tokens/" },
    { given: "group", want: "/groups/9/access_tokens/" },
  ])("gets a $given token through $want", async ({ given, want }) => {
    const { sandbox, tokens } = setup();
    const stored = sandbox.store.all().find((t) => t.kind === given && t.id > 1);
    if (!stored) throw new Error(`no seeded ${given} token`);
    const id = given === "pat" ? `pat:${stored.id}` : `${given}:${stored.resourceId}:${stored.id}`;
    const token = await tokens.get(id);
    expect(token).toMatchObject({ vendor: "gitlab", id, name: stored.name, scopes: stored.scopes });
    expect(sandbox.log.at(-1)?.path).toContain(want);
  });

  it("refuses an id that is not pat:, project: or group: before sending anything", async () => {
    const { sandbox, tokens } = setup();
    await expect(tokens.get("42")).rejects.toThrow(/"pat:<id>", "project:<project id>:<id>" or "group:<group id>:<id>", got "42"/);
    expect(sandbox.log).toHaveLength(0);
  });
});

describe("create and revoke", () => {
  it("creates a project token (the first configured project) with its secret shown once and a 365-day default expiry", async () => {
    const { sandbox, tokens } = setup();
    const { token, secret } = await tokens.create({ name: "deploy", scopes: ["read_api"] });
    expect(token.id).toMatch(/^project:7:\d+$/);
    expect(secret.reveal()).toMatch(/^glpat-[0-9A-Za-z_-]{20}$/);
    expect(token.expiresAt?.toISOString().slice(0, 10)).toBe(day(Date.now() + 365 * DAY));
    expect(JSON.stringify(token.raw)).not.toContain(secret.reveal());
    expect(sandbox.store.bySecret(secret.reveal())?.kind).toBe("project");
  });

  it("refuses an expiry past the 365-day maximum with GitLab's 400, and creates nothing", async () => {
    const { sandbox, tokens } = setup();
    const before = sandbox.store.all().length;
    const error = await tokens.create({ name: "too-long", scopes: ["api"], expiresAt: new Date(Date.now() + 400 * DAY) }).catch((e) => e);
    expect(isApiError(error) && error.status).toBe(400);
    expect(String(error.message)).toMatch(/Expires at must be before/);
    expect(sandbox.store.all()).toHaveLength(before);
  });

  it("revokes: the token stays listed, inactive", async () => {
    const { sandbox, tokens } = setup();
    const { token } = await tokens.create({ name: "short-lived", scopes: ["read_api"] });
    await tokens.revoke(token.id);
    expect(await tokens.get(token.id)).toMatchObject({ enabled: false });
    expect(sandbox.log.at(-2)).toMatchObject({ method: "DELETE", status: 204 });
  });
});

describe("rotation", () => {
  it("rotates natively: one request, a new id, the old token revoked, one week's expiry by default", async () => {
    const { sandbox, tokens } = setup();
    const { token: old, secret: oldSecret } = await tokens.create({ name: "ci", scopes: ["api"] });
    const rotated = await tokens.rotate(old.id);
    expect(rotateCalls(sandbox)).toHaveLength(1);
    expect(rotated.token.id).not.toBe(old.id);
    expect(rotated.token.id).toMatch(/^project:7:\d+$/);
    expect(rotated.token.expiresAt?.toISOString().slice(0, 10)).toBe(day(Date.now() + 7 * DAY));
    expect(sandbox.store.bySecret(oldSecret.reveal())?.revoked).toBe(true);
    expect(sandbox.store.bySecret(rotated.secret.reveal())?.revoked).toBe(false);
  });

  it("reuse detection: rotating with a rotated-away token revokes the whole family", async () => {
    const { sandbox, tokens } = setup();
    const { secret: first } = await tokens.create({ name: "self-rotating", scopes: ["api", "self_rotate"] });
    const stolen = createGitlabClient({ baseUrl: sandbox.url, token: first.reveal(), fetch: sandbox.fetch, retry: false });
    const second = await unwrap(stolen.POST("/projects/{id}/access_tokens/self/rotate", { params: { path: { id: 7 } }, body: {} }));
    expect(sandbox.store.bySecret(second.token)?.revoked).toBe(false);
    // The old secret is used again on a rotate endpoint: 401 revoked, and the new token dies too.
    const reuse = await unwrap(stolen.POST("/projects/{id}/access_tokens/self/rotate", { params: { path: { id: 7 } }, body: {} })).catch(
      (e) => e,
    );
    expect(reuse).toBeInstanceOf(ApiError);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ error: "invalid_token" });
    expect(sandbox.store.bySecret(second.token)?.revoked).toBe(true);
  });
});

describe("identify", () => {
  it("identifies a token by value through the admin token API when the configured token is an admin's", async () => {
    const { sandbox, tokens } = setup();
    const { token, secret } = await tokens.create({ name: "leaky", scopes: ["read_api"] });
    expect((await tokens.identify(secret))?.id).toBe(token.id);
    expect(sandbox.log.at(-3)?.path).toMatch(/\/admin\/token$/);
    expect(await tokens.identify("glpat-AAAAAAAAAAAAAAAAAAAA")).toBeUndefined();
  });

  it("without an admin token, a leaked token identifies itself through /personal_access_tokens/self", async () => {
    const sandbox = gitlabSandbox({ count: 0 });
    const user = sandbox.store.addUser("dev");
    const own = sandbox.store.create({
      kind: "pat",
      resourceId: undefined,
      name: "dev-token",
      description: null,
      scopes: ["api"],
      userId: user.id,
      accessLevel: undefined,
      createdAt: Date.now(),
      expiresAt: day(Date.now() + 30 * DAY),
    });
    const leaked = sandbox.store.create({
      kind: "pat",
      resourceId: undefined,
      name: "leaked",
      description: null,
      scopes: ["read_repository"],
      userId: user.id,
      accessLevel: undefined,
      createdAt: Date.now(),
      expiresAt: day(Date.now() + 30 * DAY),
    });
    const { tokens } = vendor.connect({ baseUrl: sandbox.url, token: own.secret, fetch: sandbox.fetch, retry: false });
    const found = await tokens.identify(leaked.secret);
    expect(found).toMatchObject({ id: `pat:${leaked.id}`, name: "leaked" });
    expect(sandbox.log.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 403", "GET 200"]);
    await tokens.revoke(found?.id ?? "");
    expect(leaked.revoked).toBe(true);
  });
});

// Faults through the sandbox's own fault options (`sandbox.faults.next`): a fault after the
// server acted means GitLab rotated (old token revoked, a new id created) and the answer is lost.
describe("rotation when GitLab's answer is lost (sandbox faults after the server acted)", () => {
  /** One sandbox, the GitLab lifecycle on it, and every rotate request's path, in order. */
  function faulted() {
    const sandbox = createSandbox({ seed: "gitlab-rotation-faults", validateResponses: true });
    const rotations: string[] = [];
    const fetch = (input: Request, init?: RequestInit) => {
      const { pathname } = new URL(input.url);
      if (input.method === "POST" && pathname.endsWith("/rotate")) rotations.push(pathname);
      return sandbox.fetch(input, init);
    };
    const { tokens } = vendor.connect({ ...(sandbox.connectOptions("gitlab") as { baseUrl: string; token: string }), fetch, retry: false });
    const store = sandbox.stateOf("gitlab");
    const active = (name: string) => store.all().filter((t) => t.name === name && !t.revoked);
    return { sandbox, tokens, rotations, store, active };
  }
  const ROTATE = { operationId: "rotateProjectAccessToken" } as const;
  /** No token was the subject of two rotate requests (a reuse that would revoke the family). */
  const expectEachRotatedOnce = (rotations: readonly string[]) => expect(new Set(rotations).size).toBe(rotations.length);

  it.each<Fault["kind"]>(["reset-after", "bad-gateway", "gateway-timeout", "truncated"])(
    "%s: reconciled by listing, the replacement's secret recovered by rotating the replacement once; the old id is never sent twice",
    async (kind) => {
      const { sandbox, tokens, rotations, store, active } = faulted();
      const { token: old, secret: oldSecret } = await tokens.create({ name: `ci-${kind}`, scopes: ["api"] });
      sandbox.faults.next("gitlab", { kind } as Fault, ROTATE);
      const rotated = await tokens.rotate(old.id);
      expect(rotated).toMatchObject({ reconciled: true, old: "reissued" });
      expect(store.bySecret(oldSecret.reveal())?.revoked).toBe(true);
      expect(store.bySecret(rotated.secret.reveal())?.revoked).toBe(false);
      expect(active(`ci-${kind}`).map((t) => `project:7:${t.id}`)).toEqual([rotated.token.id]);
      // The old token once, then the replacement whose secret was lost once: never a token twice.
      expect(rotations).toHaveLength(2);
      expectEachRotatedOnce(rotations);
      expect(sandbox.violations).toEqual([]);
    },
  );

  it("both answers lost: RotationError says the old token is revoked and names the replacement to revoke", async () => {
    const { sandbox, tokens, rotations, store, active } = faulted();
    const { token: old, secret: oldSecret } = await tokens.create({ name: "twice-lost", scopes: ["api"] });
    sandbox.faults.next("gitlab", { kind: "reset-after" }, { ...ROTATE, times: 2 });
    const error = await tokens.rotate(old.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationError);
    const rotation = error as RotationError;
    const [live] = active("twice-lost");
    expect(active("twice-lost")).toHaveLength(1);
    expect(rotation).toMatchObject({ state: "rotated-secret-lost", oldSecretWorks: false, tokenId: old.id });
    expect(rotation.lostReplacement?.id).toBe(`project:7:${live?.id}`);
    expect(rotation.message).toContain(`tokens.revoke("project:7:${live?.id}")`);
    expect(rotation.message).toMatch(/old token is revoked/);
    expect(store.bySecret(oldSecret.reveal())?.revoked).toBe(true);
    expectEachRotatedOnce(rotations);
    expect(JSON.stringify(rotation)).not.toContain(live?.secret);
    // What it names can be revoked as it says.
    await tokens.revoke(rotation.lostReplacement?.id ?? "");
    expect(active("twice-lost")).toEqual([]);
  });

  it("a later rotate of the rotated-away token sends nothing and says its secret does not work", async () => {
    const { sandbox, tokens, rotations } = faulted();
    const { token: old } = await tokens.create({ name: "already-rotated", scopes: ["api"] });
    sandbox.faults.next("gitlab", { kind: "reset-after" }, { ...ROTATE, times: 2 });
    await tokens.rotate(old.id).catch(() => undefined);
    const sent = rotations.length;
    const again = await tokens.rotate(old.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RotationError);
    expect(again).toMatchObject({ state: "unchanged", oldSecretWorks: false });
    expect((again as Error).message).toMatch(/not active .* nothing was sent, and its secret does not work/);
    expect(rotations).toHaveLength(sent);
  });

  it.each<Fault["kind"]>(["rate-limit", "unavailable"])(
    "%s (GitLab refused before acting): sent once more, not reconciled",
    async (kind) => {
      const { sandbox, tokens, rotations, store } = faulted();
      const { token: old } = await tokens.create({ name: `before-${kind}`, scopes: ["api"] });
      sandbox.faults.next("gitlab", { kind } as Fault, ROTATE);
      const rotated = await tokens.rotate(old.id);
      expect(rotated.reconciled).toBe(false);
      expect(store.bySecret(rotated.secret.reveal())?.revoked).toBe(false);
      expect(rotations).toEqual([rotations[0], rotations[0]]);
    },
  );

  it("a reset before GitLab acted looks like a lost answer: not sent again; listing shows nothing changed", async () => {
    const { sandbox, tokens, rotations, store } = faulted();
    const { token: old, secret } = await tokens.create({ name: "reset-before", scopes: ["api"] });
    sandbox.faults.next("gitlab", { kind: "reset" }, ROTATE);
    const error = await tokens.rotate(old.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RotationError", state: "unchanged", oldSecretWorks: true });
    expect(store.bySecret(secret.reveal())?.revoked).toBe(false);
    expect(rotations).toHaveLength(1);
  });

  it("a create whose answer is lost gets its secret back by one rotation of the token it created", async () => {
    const { sandbox, tokens, rotations, active } = faulted();
    sandbox.faults.next("gitlab", { kind: "reset-after" }, { operationId: "createProjectAccessToken" });
    const created = await tokens.create({ name: "lost-create", scopes: ["read_api"] });
    expect(created.reconciled).toBe(true);
    expect(active("lost-create").map((t) => `project:7:${t.id}`)).toEqual([created.token.id]);
    expect(active("lost-create")[0]?.secret).toBe(created.secret.reveal());
    expect(rotations).toHaveLength(1);
  });

  it("a create whose answer and recovery are both lost names the one live token this call made", async () => {
    const { sandbox, tokens, active } = faulted();
    sandbox.faults.next("gitlab", { kind: "reset-after" }, { operationId: "createProjectAccessToken" });
    sandbox.faults.next("gitlab", { kind: "reset-after" }, ROTATE);
    const error = await tokens.create({ name: "lost-twice", scopes: ["read_api"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretLostError);
    const [live] = active("lost-twice");
    expect((error as SecretLostError).token.id).toBe(`project:7:${live?.id}`);
    expect(isApiTokensError(error)).toBe(true);
  });
});

describe("revokeBySecret: a leaked token revokes itself", () => {
  function withUser() {
    const sandbox = createSandbox({ seed: "gitlab-revoke-by-secret", validateResponses: true });
    const store = sandbox.stateOf("gitlab");
    const owner = store.addUser("dev");
    const other = store.addUser("contractor");
    const token = (userId: number, name: string) =>
      store.create({
        kind: "pat",
        resourceId: undefined,
        name,
        description: null,
        scopes: ["read_api"],
        userId,
        accessLevel: undefined,
        createdAt: Date.now(),
        expiresAt: day(Date.now() + 30 * DAY),
      });
    const configured = token(owner.id, "mine");
    const leaked = token(other.id, "leaked");
    const sent: string[] = [];
    const { tokens } = vendor.connect({
      baseUrl: sandbox.url("gitlab"),
      token: configured.secret,
      fetch: (input, init) => {
        sent.push(`${input.method} ${new URL(input.url).pathname}`);
        return sandbox.fetch(input, init);
      },
      retry: false,
    });
    return { tokens, leaked, configured, sent };
  }

  it("revokes a token the configured one cannot see, with the leaked secret as the credential", async () => {
    const { tokens, leaked, configured, sent } = withUser();
    expect(tokens.supports("revokeBySecret")).toBe(true);
    // The configured (non-admin) token cannot revoke another user's token by id.
    expect(await tokens.revoke(`pat:${leaked.id}`).catch((e: unknown) => isApiError(e))).toBe(true);
    expect(leaked.revoked).toBe(false);
    await tokens.revokeBySecret(new Secret(leaked.secret));
    expect(leaked.revoked).toBe(true);
    expect(configured.revoked).toBe(false);
    expect(sent.at(-1)).toBe("DELETE /gitlab/api/v4/personal_access_tokens/self");
    // Once revoked, the secret is no longer accepted: a typed error, never a crash.
    const again = await tokens.revokeBySecret(leaked.secret).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(again)).not.toContain(leaked.secret);
  });

  it.each([
    { given: "not-a-gitlab-token", want: /\(18 characters\) does not have the shape of a GitLab token; nothing was sent/ },
    { given: 42 as unknown as string, want: /must be a string or a Secret, got number/ },
  ])("refuses $given before sending anything", async ({ given, want }) => {
    const { tokens, sent } = withUser();
    const error = await tokens.revokeBySecret(given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(want);
    expect(sent).toEqual([]);
  });
});
