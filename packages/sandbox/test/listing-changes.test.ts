import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src/index.js";

// Lists keep what they derive from a store (one user's tokens, one project's) between requests,
// so a listing walked page by page does not pass over every token per page. Every change of
// which tokens exist must show in the next answer, and filters on what a token's fields are
// now (revoked, active) must see the change too.

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const build = () =>
  createSandbox({ seed: "listing-changes", tokens: { gitlab: 40, qernal: 30, timeweb: 12 }, now: () => NOW, validateResponses: true });

async function qernalAccess(sandbox: Sandbox): Promise<Record<string, string>> {
  const { token, tokenUrl } = sandbox.connectOptions("qernal");
  const at = token.indexOf("@");
  const answer = await sandbox.fetch(String(tokenUrl), {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${btoa(`${token.slice(0, at)}:${encodeURIComponent(token.slice(at + 1))}`)}`,
    },
    body: "grant_type=client_credentials",
  });
  return { authorization: `Bearer ${((await answer.json()) as { access_token: string }).access_token}` };
}

/** Every id of a Qernal listing and its `meta.results`, walked by `meta.links.next`. */
async function qernalList(sandbox: Sandbox): Promise<{ total: number; ids: string[] }> {
  const headers = await qernalAccess(sandbox);
  const ids: string[] = [];
  let total = 0;
  for (let path = "/auth/tokens?page[size]=7"; ; ) {
    const body = (await (await sandbox.fetch(`${sandbox.url("qernal")}${path}`, { headers })).json()) as {
      meta: { results: number; links: { next: string } };
      data: { id: string }[];
    };
    total = body.meta.results;
    ids.push(...body.data.map((token) => token.id));
    if (body.data.length === 0) return { total, ids };
    path = body.meta.links.next;
  }
}

/** Every id of a GitLab list and its `x-total`, page by page. */
async function gitlabList(sandbox: Sandbox, path: string, query = ""): Promise<{ total: number; ids: number[] }> {
  const headers = { "private-token": sandbox.connectOptions("gitlab").token };
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const answer = await sandbox.fetch(`${sandbox.url("gitlab")}${path}?per_page=5&page=${page}${query}`, { headers });
    expect(answer.status).toBe(200);
    ids.push(...((await answer.json()) as { id: number }[]).map((token) => token.id));
    if (answer.headers.get("x-next-page") === "") return { total: Number(answer.headers.get("x-total")), ids };
  }
}

const gitlabToken = (kind: "pat" | "project" | "group", resourceId: number | undefined) => ({
  kind,
  resourceId,
  name: `added-${kind}`,
  description: null,
  scopes: ["api"],
  userId: 100,
  accessLevel: kind === "pat" ? undefined : 30,
  createdAt: NOW - 1000,
  expiresAt: "2026-01-01",
});

/** Every id of the Timeweb list (one answer, newest first) and its `meta.total`. */
async function timewebList(sandbox: Sandbox): Promise<{ total: number; ids: string[] }> {
  const headers = { authorization: `Bearer ${sandbox.connectOptions("timeweb").token}` };
  const body = (await (await sandbox.fetch(`${sandbox.url("timeweb")}/api/v1/auth/api-keys`, { headers })).json()) as {
    meta: { total: number };
    api_keys: { id: string }[];
  };
  return { total: body.meta.total, ids: body.api_keys.map((key) => key.id) };
}

describe("a listing after the tokens changed", () => {
  it("Timeweb: a created token and a reissued one come first, a deleted one is gone", async () => {
    const sandbox = build();
    const store = sandbox.state.timeweb;
    const before = await timewebList(sandbox);
    expect(before.ids).toHaveLength(before.total);
    const created = store.create({
      name: "added",
      createdAt: NOW - 1000,
      expiredAt: undefined,
      isAbleToDelete: true,
      roles: undefined,
      projects: undefined,
    });
    const grown = await timewebList(sandbox);
    expect(grown).toEqual({ total: before.total + 1, ids: [created.id, ...before.ids] });
    const oldest = store.get(before.ids.at(-1) as string);
    if (!oldest) throw new Error("the seeded list is empty");
    store.reissue(oldest, NOW, undefined);
    const reissued = await timewebList(sandbox);
    expect(reissued.ids).toEqual([oldest.id, created.id, ...before.ids.slice(0, -1)]);
    store.delete(created);
    expect(await timewebList(sandbox)).toEqual({ total: before.total, ids: [oldest.id, ...before.ids.slice(0, -1)] });
    expect(sandbox.violations).toEqual([]);
  });

  it("Qernal: shows a token created and drops one deleted since the last listing", async () => {
    const sandbox = build();
    const before = await qernalList(sandbox);
    expect(before.ids).toHaveLength(before.total);
    const created = sandbox.state.qernal.create({ name: "added", expiresAt: undefined, createdAt: NOW, updatedAt: NOW });
    const grown = await qernalList(sandbox);
    expect(grown).toEqual({ total: before.total + 1, ids: [...before.ids, created.id] });
    const gone = sandbox.state.qernal.get(before.ids[3] as string);
    expect(gone && sandbox.state.qernal.delete(gone)).toBe(true);
    const shrunk = await qernalList(sandbox);
    expect(shrunk).toEqual({ total: before.total, ids: grown.ids.filter((id) => id !== gone?.id) });
    expect(sandbox.violations).toEqual([]);
  });

  it.each([
    { given: "personal access tokens", path: "/personal_access_tokens", kind: "pat" as const, resourceId: undefined },
    { given: "project 7's tokens", path: "/projects/7/access_tokens", kind: "project" as const, resourceId: 7 },
    { given: "group 9's tokens", path: "/groups/9/access_tokens", kind: "group" as const, resourceId: 9 },
  ])("GitLab $given: shows a created token, and filters see a revoke", async ({ path, kind, resourceId }) => {
    const sandbox = build();
    const before = await gitlabList(sandbox, path);
    expect(before.ids).toHaveLength(before.total);
    const created = sandbox.state.gitlab.create(gitlabToken(kind, resourceId));
    const grown = await gitlabList(sandbox, path);
    expect(grown).toEqual({ total: before.total + 1, ids: [...before.ids, created.id] });
    const activeBefore = await gitlabList(sandbox, path, "&state=active");
    expect(activeBefore.ids).toContain(created.id);
    created.revoked = true;
    const activeAfter = await gitlabList(sandbox, path, "&state=active");
    expect(activeAfter).toEqual({ total: activeBefore.total - 1, ids: activeBefore.ids.filter((id) => id !== created.id) });
    expect((await gitlabList(sandbox, path, "&revoked=true")).ids).toContain(created.id);
    expect(sandbox.violations).toEqual([]);
  });

  it("GitLab: each list filter keeps exactly the tokens its parameter names, alone and combined", async () => {
    const sandbox = build();
    const path = "/personal_access_tokens";
    const all = (await gitlabList(sandbox, path)).ids.map((id) => sandbox.state.gitlab.get(id)).filter((token) => token !== undefined);
    const middle = <T>(values: T[]): T => values.toSorted()[Math.floor(values.length / 2)] as T;
    const created = middle(all.map((token) => token.createdAt));
    const used = middle(all.flatMap((token) => (token.lastUsedAt === null ? [] : [token.lastUsedAt])));
    const expires = middle(all.flatMap((token) => (token.expiresAt === null ? [] : [token.expiresAt])));
    const word = (all[0]?.name ?? "").slice(1, 4).toUpperCase();
    const today = new Date(NOW).toISOString().slice(0, 10);
    const active = (token: (typeof all)[number]) => !token.revoked && (token.expiresAt === null || token.expiresAt > today);
    const iso = (ms: number) => new Date(ms).toISOString();
    const cases: { query: string; keeps: (token: (typeof all)[number]) => boolean }[] = [
      { query: "revoked=false", keeps: (token) => !token.revoked },
      { query: "state=inactive", keeps: (token) => !active(token) },
      { query: `search=${word}`, keeps: (token) => token.name.toLowerCase().includes(word.toLowerCase()) },
      { query: `created_before=${iso(created)}`, keeps: (token) => token.createdAt < created },
      { query: `created_after=${iso(created)}`, keeps: (token) => token.createdAt > created },
      { query: `last_used_before=${iso(used)}`, keeps: (token) => token.lastUsedAt !== null && token.lastUsedAt < used },
      { query: `last_used_after=${iso(used)}`, keeps: (token) => token.lastUsedAt !== null && token.lastUsedAt > used },
      { query: `expires_before=${expires}`, keeps: (token) => token.expiresAt !== null && token.expiresAt < expires },
      { query: `expires_after=${expires}`, keeps: (token) => token.expiresAt !== null && token.expiresAt > expires },
      {
        query: `state=active&created_after=${iso(created)}`,
        keeps: (token) => active(token) && token.createdAt > created,
      },
    ];
    for (const { query, keeps } of cases) {
      const kept = all.filter(keeps).map((token) => token.id);
      // Each filter must really choose: some tokens pass and some do not.
      expect(kept.length, query).toBeGreaterThan(0);
      expect(kept.length, query).toBeLessThan(all.length);
      expect(await gitlabList(sandbox, path, `&${query}`), query).toEqual({ total: kept.length, ids: kept });
    }
    expect(sandbox.violations).toEqual([]);
  });

  it("GitLab: a rotation through the API lists the successor", async () => {
    const sandbox = build();
    const path = "/projects/7/access_tokens";
    const before = await gitlabList(sandbox, path, "&state=active");
    const old = before.ids[0] as number;
    const rotated = await sandbox.fetch(`${sandbox.url("gitlab")}${path}/${old}/rotate`, {
      method: "POST",
      headers: { "private-token": sandbox.connectOptions("gitlab").token },
    });
    expect(rotated.status).toBe(200);
    const successor = ((await rotated.json()) as { id: number }).id;
    const after = await gitlabList(sandbox, path, "&state=active");
    expect(after.ids).toEqual([...before.ids.filter((id) => id !== old), successor]);
  });
});
