// The unified lifecycle over the GitLab adapter, against the sandbox's GitLab emulator
// (in-process, through test/support/gitlab-sandbox.ts until the sandbox registers GitLab).
import { ApiError, createTokens, isApiError, RotationError, unwrap } from "@apitokens/core";
import { describe, expect, it } from "vitest";
import { createGitlabClient, type GitlabToken, gitlabAdapter, vendor } from "../src/index.js";
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

  it("never sends a rotation twice for one token, even when its answer is lost", async () => {
    const inner = gitlabSandbox({ count: 4 });
    // The rotate reaches GitLab and takes effect; its answer is lost on the way back.
    const lossy: GitlabSandbox["fetch"] = async (input, init) => {
      const response = await inner.fetch(input, init);
      if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith("/rotate")) throw new TypeError("fetch failed");
      return response;
    };
    const tokens = createTokens(
      gitlabAdapter(createGitlabClient({ baseUrl: inner.url, token: inner.credential, fetch: lossy, retry: false }), { projectIds: [7] }),
    );
    const { token } = await tokens.create({ name: "lost-answer", scopes: ["api"] });
    const error = await tokens.rotate(token.id).catch((e) => e);
    expect(error).toBeInstanceOf(RotationError);
    expect(error.state).toBe("unknown");
    expect(rotateCalls(inner)).toHaveLength(1);
    // A later rotate of the same id in this process is refused too, before anything is sent.
    const again = await tokens.rotate(token.id).catch((e) => e);
    expect(again).toBeInstanceOf(RotationError);
    expect(String(again.cause?.message)).toMatch(/already sent/);
    expect(rotateCalls(inner)).toHaveLength(1);
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
