import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./run.js";

// A GitLab token leaked by someone else: the configured token (a non-admin's) can neither look it
// up by value nor revoke it by id, but the leaked token identifies itself (`/self`) and, with
// --revoke, revokes itself (`DELETE /personal_access_tokens/self`).
let sandbox: RunningSandbox;
let env: Record<string, string>;
let leakedSecret: string;
let leakedId: number;

interface Store {
  addUser(name: string, admin?: boolean): { id: number };
  create(input: Record<string, unknown>): { id: number; secret: string; revoked: boolean };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "self-revoke" });
  const store = sandbox.stateOf("gitlab") as unknown as Store;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const token = (userId: number, name: string, scopes: string[]) =>
    store.create({
      kind: "pat",
      resourceId: undefined,
      name,
      description: null,
      scopes,
      userId,
      accessLevel: undefined,
      createdAt: Date.now() - 86_400_000,
      expiresAt: day(30),
    });
  const bob = store.addUser("bob");
  const alice = store.addUser("alice");
  const configured = token(bob.id, "bob-cli", ["api"]);
  const leaked = token(alice.id, "alice-laptop", ["read_api"]);
  leakedSecret = leaked.secret;
  leakedId = leaked.id;
  env = { GITLAB_TOKEN: configured.secret, GITLAB_URL: String(sandbox.connectOptions("gitlab").baseUrl) };
});
afterAll(() => sandbox.close());

describe("leaked --revoke, GitLab token the configured token cannot see", () => {
  it("identifies it through the token itself and revokes it with its own value", async () => {
    const before = await run(["leaked", "-", "--json"], { env, stdin: `log line ${leakedSecret} end\n` });
    const found = (JSON.parse(before.stdout) as { secrets: { status: string }[] }).secrets;
    expect(found.map((s) => s.status)).toEqual(["active"]);

    const result = await run(["leaked", "-", "--revoke", "--json"], { env, stdin: `log line ${leakedSecret} end\n` });
    const doc = JSON.parse(result.stdout) as { secrets: { status: string; action?: string; error?: unknown }[] };
    expect(doc.secrets).toEqual([expect.objectContaining({ status: "deleted", action: "deleted" })]);
    expect(result.stdout).not.toContain(leakedSecret);
    expect(result.stderr).not.toContain(leakedSecret);
    const stored = (sandbox.stateOf("gitlab") as unknown as { all(): { id: number; revoked: boolean }[] }).all();
    expect(stored.find((t) => t.id === leakedId)?.revoked).toBe(true);
  });
});
