import type { RunningSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDynatraceClient,
  createQernalClient,
  createTimewebClient,
  isApiError,
  NotFoundError,
  RotationError,
  Secret,
  SecretLostError,
  type Tokens,
  UnsupportedOperationError,
  unwrap,
  type VendorKey,
} from "../src/index.js";
import { CREATE, connectTo, count, lostAnswer, sandboxFor } from "./support.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await sandboxFor();
});
afterAll(() => sandbox.close());

const VENDORS: readonly VendorKey[] = ["timeweb", "qernal", "dynatrace", "sematext"];

/** Whether a secret authenticates (or, for Sematext app tokens, is the token's current value). */
async function works(vendor: VendorKey, secret: Secret, id: string): Promise<boolean> {
  const value = secret.reveal();
  const retry = false as const;
  switch (vendor) {
    case "timeweb":
      return (await createTimewebClient({ baseUrl: sandbox.url("timeweb"), token: value, retry }).GET("/api/v1/auth/api-keys")).response.ok;
    case "qernal":
      return (
        await createQernalClient({ baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: value, retry })
          .GET("/auth/tokens")
          .catch(() => ({ response: { ok: false } }))
      ).response.ok;
    case "dynatrace":
      return (
        await createDynatraceClient({ baseUrl: sandbox.url("dynatrace"), token: value, retry }).POST("/apiTokens/lookup", {
          body: { token: value },
        })
      ).response.ok;
    case "sematext": {
      const tokens = connectTo(sandbox).sematext.tokens;
      return (await tokens.identify(secret))?.id === id;
    }
  }
}

const tokensOf = (vendor: VendorKey, connected = connectTo(sandbox)): Tokens => connected[vendor].tokens as Tokens;

describe.each(VENDORS)("%s through the unified lifecycle", (vendor) => {
  it("lists normalised tokens with Dates, undefined for unknown facts, and no secret in raw", async () => {
    const tokens = tokensOf(vendor);
    const all = [];
    for await (const token of tokens.list()) all.push(token);
    expect(all.length).toBeGreaterThan(0);
    for (const token of all) {
      expect(token.vendor).toBe(vendor);
      expect(typeof token.id).toBe("string");
      if (token.createdAt !== undefined) expect(token.createdAt).toBeInstanceOf(Date);
      for (const field of ["enabled", "expiresAt", "lastUsedAt", "scopes", "owner"] as const) {
        if (!tokens.capabilities.fields.includes(field)) expect(token[field]).toBeUndefined();
      }
      expect(JSON.stringify(token.raw)).not.toMatch(/"token":/);
    }
  });

  it("creates, gets, renames, rotates and revokes, with secrets as Secret values", async () => {
    const tokens = tokensOf(vendor);
    const before = await count(tokens);
    const { token, secret, reconciled } = await tokens.create({
      ...CREATE[vendor],
      ...(vendor === "dynatrace" ? { scopes: ["apiTokens.read"] } : {}),
    });
    expect(reconciled).toBe(false);
    expect(secret).toBeInstanceOf(Secret);
    expect(String(secret)).not.toContain(secret.reveal());
    expect(await works(vendor, secret, token.id)).toBe(true);
    expect(await count(tokens)).toBe(before + 1);
    expect((await tokens.get(token.id)).name).toBe(token.name);

    if (tokens.supports("rename")) {
      await tokens.rename(token.id, "ci-renamed");
      expect((await tokens.get(token.id)).name).toBe("ci-renamed");
    }

    const rotated = await tokens.rotate(token.id, { revokeOld: "delete" });
    expect(rotated.secret.reveal()).not.toBe(secret.reveal());
    expect(await works(vendor, rotated.secret, rotated.token.id)).toBe(true);
    if (tokens.capabilities.rotation === "native") {
      expect(rotated.old).toBe("reissued");
      expect(rotated.token.id).toBe(token.id);
    } else {
      expect(rotated.old).toBe("deleted");
      expect(rotated.token.id).not.toBe(token.id);
      await expect(tokens.get(token.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await works(vendor, secret, token.id)).toBe(false);
    expect(await count(tokens)).toBe(before + 1);

    await tokens.revoke(rotated.token.id);
    await expect(tokens.get(rotated.token.id)).rejects.toSatisfy((e: unknown) => isApiError(e, 404));
    expect(await count(tokens)).toBe(before);
  });

  it("identifies the token behind a secret, and nothing behind a stranger's", async () => {
    const connected = connectTo(sandbox);
    const tokens = connected[vendor].tokens as Tokens;
    const { token, secret } = await tokens.create(CREATE[vendor]);
    expect((await connected.identify(secret))?.id).toBe(token.id);
    expect((await connected.identify(secret))?.vendor).toBe(vendor);
    const stranger = secret.reveal().replace(/[0-9a-f]/i, (c) => (c === "a" ? "b" : "a"));
    expect(await connected.identify(stranger)).toBeUndefined();
    await tokens.revoke(token.id);
  });

  it("says which vendor lacks an operation", async () => {
    const tokens = tokensOf(vendor);
    for (const capability of ["enable", "disable"] as const) {
      if (tokens.supports(capability)) continue;
      const error = await tokens[capability]("any").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as UnsupportedOperationError).vendor).toBe(vendor);
      expect((error as Error).message).toBe(`${tokens.vendorName}: cannot ${capability} a token (it has no enabled flag)`);
    }
  });
});

describe("enable and disable where the vendor has the flag", () => {
  it.each(["dynatrace", "sematext"] as const)("%s", async (vendor) => {
    const tokens = tokensOf(vendor);
    const { token } = await tokens.create(CREATE[vendor]);
    await tokens.disable(token.id);
    expect((await tokens.get(token.id)).enabled).toBe(false);
    await tokens.enable(token.id);
    expect((await tokens.get(token.id)).enabled).toBe(true);
    await tokens.revoke(token.id);
  });
});

describe("rotation never loses a working credential", () => {
  it.each(["dynatrace", "qernal"] as const)(
    "%s: the old token fails to go away → both work and the error holds the new secret",
    async (vendor) => {
      let failDeletes = false;
      const connected = connectTo(sandbox, async (request, forward) => {
        if (failDeletes && request.method === "DELETE") sandbox.faults.next(vendor, { kind: "unavailable" });
        const response = await forward();
        if (request.method === "POST" && response.ok) failDeletes = true;
        return response;
      });
      const tokens = connected[vendor].tokens as Tokens;
      const created = await connectTo(sandbox)[vendor].tokens.create(CREATE[vendor]);
      const before = await count(tokens);
      const error = await tokens.rotate(created.token.id, { revokeOld: "delete" }).catch((e: unknown) => e);
      sandbox.faults.clear(vendor);
      expect(error).toBeInstanceOf(RotationError);
      const rotation = error as RotationError;
      expect(rotation.state).toBe("both-active");
      expect(rotation.message).toMatch(/still works/);
      const replacement = rotation.replacement;
      if (!replacement) throw new Error("the error must carry the replacement");
      expect(await works(vendor, created.secret, created.token.id)).toBe(true);
      expect(await works(vendor, replacement.secret, replacement.token.id)).toBe(true);
      expect(await count(tokens)).toBe(before + 1);
      expect(String(rotation)).not.toContain(replacement.secret.reveal());
    },
  );

  it.each(["dynatrace", "qernal"] as const)("%s: the replacement cannot be created → nothing changed", async (vendor) => {
    const connected = connectTo(sandbox, async (request, forward) => {
      if (request.method === "POST" && !request.url.includes("lookup") && !request.url.includes("oauth2"))
        sandbox.faults.next(vendor, { kind: "unavailable" });
      return forward();
    });
    const created = await connectTo(sandbox)[vendor].tokens.create(CREATE[vendor]);
    const tokens = connected[vendor].tokens as Tokens;
    const before = await count(tokens);
    const error = await tokens.rotate(created.token.id, { revokeOld: "delete" }).catch((e: unknown) => e);
    sandbox.faults.clear(vendor);
    expect(error).toBeInstanceOf(RotationError);
    expect((error as RotationError).state).toBe("unchanged");
    expect(await works(vendor, created.secret, created.token.id)).toBe(true);
    expect(await count(tokens)).toBe(before);
  });
});

describe("a create whose answer is lost is reconciled, never duplicated", () => {
  const losingAnswers = (vendor: VendorKey) =>
    connectTo(sandbox, async (request, forward) => {
      const isCreate = request.method === "POST" && !/lookup|regenerate|oauth2/.test(request.url);
      const response = await forward();
      if (isCreate && response.ok) throw lostAnswer();
      return response;
    })[vendor].tokens as Tokens;

  it.each(["sematext", "timeweb"] as const)("%s: the token is found and a working secret returned", async (vendor) => {
    const tokens = losingAnswers(vendor);
    const before = await count(tokens);
    const issued = await tokens.create({ ...CREATE[vendor], name: `lost-${vendor}` });
    expect(issued.reconciled).toBe(true);
    expect(issued.token.name).toBe(`lost-${vendor}`);
    expect(await works(vendor, issued.secret, issued.token.id)).toBe(true);
    expect(await count(tokens)).toBe(before + 1);
  });

  it.each(["dynatrace", "qernal"] as const)("%s: the token is found, its secret is gone, and the error names it", async (vendor) => {
    const tokens = losingAnswers(vendor);
    const before = await count(tokens);
    const error = await tokens.create({ ...CREATE[vendor], name: `lost-${vendor}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretLostError);
    expect((error as SecretLostError).token.name).toBe(`lost-${vendor}`);
    expect(await count(tokens)).toBe(before + 1);
  });

  it.each(VENDORS)("%s: a create that never arrived is sent once more, leaving exactly one token", async (vendor) => {
    let dropped = false;
    const tokens = connectTo(sandbox, async (request, forward) => {
      const isCreate = request.method === "POST" && !/lookup|regenerate|oauth2/.test(request.url);
      if (isCreate && !dropped) {
        dropped = true;
        sandbox.faults.next(vendor, { kind: "reset" });
      }
      return forward();
    })[vendor].tokens as Tokens;
    const before = await count(tokens);
    const issued = await tokens.create({ ...CREATE[vendor], name: `retried-${vendor}` });
    expect(dropped).toBe(true);
    expect(issued.reconciled).toBe(false);
    expect(await count(tokens)).toBe(before + 1);
  });
});

describe("the raw clients stay reachable", () => {
  it("connect() exposes each typed client", async () => {
    const connected = connectTo(sandbox);
    const list = await unwrap(connected.timeweb.client.GET("/api/v1/auth/api-keys"));
    expect(Array.isArray(list.api_keys)).toBe(true);
  });
});
