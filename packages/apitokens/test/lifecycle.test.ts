import { inspect } from "node:util";
import type { RunningSandbox, Sandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigurationError,
  connect,
  createDynatraceClient,
  createQernalClient,
  createTimewebClient,
  isApiError,
  isApiTokensError,
  NotFoundError,
  RotationError,
  Secret,
  SecretLostError,
  type Tokens,
  UnsupportedOperationError,
  unwrap,
  type VendorKey,
} from "../src/index.js";
import {
  CREATE,
  caller,
  connectInProcess,
  connectTo,
  count,
  everyRendering,
  FAULT_KINDS,
  FAULT_VENDORS,
  FAULTS,
  type FaultKind,
  type FaultVendor,
  holdsFragment,
  inProcessSandbox,
  lostAnswer,
  namedBy,
  namedInSandbox,
  ROTATION,
  sandboxFor,
  secretPart,
  storedSecret,
} from "./support.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await sandboxFor();
});
afterAll(() => sandbox.close());

const VENDORS = ["timeweb", "qernal", "dynatrace", "sematext"] as const satisfies readonly VendorKey[];
/** The vendors this file connects to (`connectTo`); GitLab's lifecycle is tested in its own package. */
type Vendor = (typeof VENDORS)[number];

/** Whether a secret authenticates (or, for Sematext app tokens, is the token's current value). */
async function works(vendor: Vendor, secret: Secret, id: string): Promise<boolean> {
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

const tokensOf = (vendor: Vendor, connected = connectTo(sandbox)): Tokens => connected[vendor].tokens as Tokens;

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
  const losingAnswers = (vendor: Vendor) =>
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

// ---------------------------------------------------------------------------------------------
// Faults before and after the vendor acted, against the in-process sandbox (issue 12). The
// interceptor records which tokens each call's requests created, so every assertion is against
// the ground truth: no duplicate, no adoption of another's token, no created token left unnamed,
// a working credential after every rotation, typed errors without any piece of a secret.

let faults: Sandbox;
let serial = 0;
/** A fresh name of letters and dashes only (Qernal's pattern). */
const freshName = () => `f-${(serial++).toString(26).replace(/[0-9]/g, (d) => "qrstuvwxyz"[Number(d)] ?? "q")}`;
const tokensIn = (vendor: "timeweb" | "qernal" | "dynatrace" | "sematext", connected: ReturnType<typeof connectInProcess>) =>
  connected[vendor].tokens as Tokens;
/** One caller of one vendor on the fault sandbox, with at most one fault (see @apitokens/testing/faults). */
const callerOf = (vendor: FaultVendor, kind?: FaultKind, target: "create" | "reissue" | "delete" = "create") =>
  caller<Tokens>(faults, connect as never, vendor, kind, target);

function expectNoSecretIn(error: unknown, vendor: FaultVendor, secrets: readonly (string | undefined)[]): void {
  const text = everyRendering(error, inspect);
  for (const secret of secrets) if (secret) expect(holdsFragment(text, secretPart(vendor, secret))).toBe(false);
}

/** The live tokens among what a caller's requests created. */
const liveOf = (vendor: FaultVendor, created: readonly string[]) => created.filter((id) => storedSecret(faults, vendor, id) !== undefined);

describe.each(FAULT_VENDORS)("%s: a create under faults", (vendor) => {
  beforeAll(() => {
    faults ??= inProcessSandbox();
  });

  it.each(FAULT_KINDS)(
    "%s: known or honestly unknown, never another's token",
    async (kind) => {
      const name = freshName();
      // Someone else's token of the same name exists already.
      const other = await callerOf(vendor).tokens.create({ ...CREATE[vendor], name });
      const me = callerOf(vendor, kind);
      const result = await me.tokens.create({ ...CREATE[vendor], name }).catch((e: unknown) => e);
      me.done();

      const mine = namedInSandbox(faults, vendor, name).filter((id) => id !== other.token.id);
      expect(mine).toEqual(liveOf(vendor, me.created)); // no duplicate: only what this call's requests created
      expect(mine.length).toBeLessThanOrEqual(1);
      expect(storedSecret(faults, vendor, other.token.id)).toBe(other.secret.reveal()); // the other holder's secret still works
      const secrets = [other.secret.reveal(), ...me.created.map((id) => storedSecret(faults, vendor, id))];

      if (result instanceof Error) {
        expect(isApiTokensError(result)).toBe(true);
        expect(namedBy(result)).not.toContain(other.token.id);
        for (const id of mine) expect(namedBy(result)).toContain(id);
        expectNoSecretIn(result, vendor, secrets);
      } else {
        const issued = result as Awaited<ReturnType<Tokens["create"]>>;
        expect(mine).toEqual([issued.token.id]);
        expect(storedSecret(faults, vendor, issued.token.id)).toBe(issued.secret.reveal());
      }
      // What each vendor can do: a refusal before acting → sent once more; after → recovered where the vendor allows.
      const recoverable = vendor === "sematext" || vendor === "timeweb" || vendor === "gitlab";
      const plan = FAULTS[kind];
      if (kind === "429 (before)" || kind === "503 (before)" || kind === "refused (before)") expect(result).not.toBeInstanceOf(Error);
      else if (plan.when === "before") {
        if (result instanceof Error) expect(mine).toEqual([]); // it looked lost; nothing of it exists
      } else if (recoverable) expect(result).not.toBeInstanceOf(Error);
      else expect(result).toBeInstanceOf(SecretLostError);
    },
    60_000,
  );
});

describe.each(FAULT_VENDORS)("%s: a rotation under faults", (vendor) => {
  beforeAll(() => {
    faults ??= inProcessSandbox();
  });
  const targets = ROTATION[vendor] === "replace" ? (["create", "delete"] as const) : (["reissue"] as const);

  describe.each(targets)("fault on the %s", (target) => {
    it.each(FAULT_KINDS)(
      "%s: a working credential at every step, and the error says what is true",
      async (kind) => {
        const name = freshName();
        const old = await callerOf(vendor).tokens.create({ ...CREATE[vendor], name });
        const me = callerOf(vendor, kind, target);
        const result = await me.tokens.rotate(old.token.id, { revokeOld: "delete" }).catch((e: unknown) => e);
        me.done();
        const oldWorks = storedSecret(faults, vendor, old.token.id) === old.secret.reveal();
        const same = namedInSandbox(faults, vendor, name);
        expect(same.length).toBeLessThanOrEqual(2); // the old token and at most one replacement

        if (!(result instanceof Error)) {
          const rotated = result as Awaited<ReturnType<Tokens["rotate"]>>;
          expect(storedSecret(faults, vendor, rotated.token.id)).toBe(rotated.secret.reveal());
          expect(oldWorks).toBe(false);
          if (ROTATION[vendor] !== "native") expect(me.created).toContain(rotated.token.id);
          return;
        }
        expect(isApiTokensError(result)).toBe(true);
        expectNoSecretIn(result, vendor, [old.secret.reveal(), ...me.created.map((id) => storedSecret(faults, vendor, id))]);
        if (!(result instanceof RotationError)) {
          expect(oldWorks).toBe(true); // failed before anything was written
          return;
        }
        const replacement = result.replacement;
        const replacementWorks =
          replacement !== undefined && storedSecret(faults, vendor, replacement.token.id) === replacement.secret.reveal();
        expect(oldWorks || replacementWorks).toBe(true);
        if (result.oldSecretWorks !== undefined) expect(oldWorks).toBe(result.oldSecretWorks);
        if (result.state === "unchanged") expect(same).toEqual([old.token.id]);
        if (result.state === "both-active") expect(oldWorks && replacementWorks).toBe(true);
        if (result.state === "replacement-secret-lost") expect(same).toContain(result.lostReplacement?.id);
        // Every token that exists besides the old one is named by the error.
        for (const id of same.filter((id) => id !== old.token.id)) expect(namedBy(result)).toContain(id);
        expect(result.state).not.toBe("unknown");
      },
      60_000,
    );
  });
});

describe("two callers creating the same name at the same time", () => {
  beforeAll(() => {
    faults ??= inProcessSandbox();
  });
  const plans: readonly (readonly [FaultKind, FaultKind | undefined])[] = [
    ["reset (after)", "reset (after)"],
    ["refused (before)", undefined],
    ["504 (after)", undefined],
    ["cut in the secret (after)", "timeout (after)"],
    ["truncated (after)", "500 (after)"],
  ];

  describe.each(FAULT_VENDORS)("%s", (vendor) => {
    it.each(plans)(
      "%s / %s: neither adopts the other's token, and every created token is named",
      async (first, second) => {
        const name = freshName();
        const callers = [callerOf(vendor, first), callerOf(vendor, second)];
        const results = await Promise.all(callers.map((c) => c.tokens.create({ ...CREATE[vendor], name }).catch((e: unknown) => e)));
        for (const c of callers) c.done();
        const live = callers.map((c) => liveOf(vendor, c.created));
        expect(namedInSandbox(faults, vendor, name).sort()).toEqual(live.flat().sort());
        results.forEach((result, i) => {
          const own = live[i] ?? [];
          expect(own.length).toBeLessThanOrEqual(1);
          if (result instanceof Error) {
            expect(isApiTokensError(result)).toBe(true);
            for (const id of own) expect(namedBy(result)).toContain(id);
            if (result instanceof SecretLostError) expect(own).toContain(result.token.id);
          } else {
            expect(own).toContain((result as { token: { id: string } }).token.id);
          }
        });
      },
      60_000,
    );
  });
});

describe("input is checked before anything is sent", () => {
  beforeAll(() => {
    faults ??= inProcessSandbox();
  });
  const sent: string[] = [];
  const watching = () =>
    connectInProcess(faults, (request, forward) => {
      sent.push(request.method);
      return forward();
    });

  it.each([
    ["an invalid date", new Date(Number.NaN), "`expiresAt` must be a valid Date, got Invalid Date"],
    ["a date in the past", new Date("2001-01-01T00:00:00Z"), "`expiresAt` must be in the future, got 2001-01-01T00:00:00.000Z"],
  ])("expiresAt: %s", async (_label, expiresAt, message) => {
    sent.length = 0;
    for (const vendor of ["timeweb", "dynatrace", "qernal"] as const) {
      const error = await tokensIn(vendor, watching())
        .create({ ...CREATE[vendor], name: "checked", expiresAt })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(message);
    }
    expect(sent).toEqual([]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e21, 4.5, -3, 0])("Sematext appId %s", (appId) => {
    const attempt = () =>
      connect({ sematext: { baseUrl: faults.url("sematext"), token: faults.credentials.sematext, appId, fetch: faults.fetch } });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(`\`appId\` must be a positive whole number, got ${String(appId)}`);
  });
});

describe("revokeBySecret where the vendor has no self-revoke", () => {
  it.each(["timeweb", "qernal", "dynatrace", "sematext"] as const)("%s: UnsupportedOperationError, nothing sent", async (vendor) => {
    const sent: string[] = [];
    const tokens = connectTo(sandbox, (request, forward) => {
      sent.push(request.method);
      return forward();
    })[vendor].tokens as Tokens;
    expect(tokens.supports("revokeBySecret")).toBe(false);
    const error = await tokens.revokeBySecret("any-secret-value-0123456789").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ capability: "revokeBySecret" });
    expect((error as Error).message).toMatch(/cannot revoke a token with its own secret/);
    expect(sent).toEqual([]);
  });
});

describe("accounts", () => {
  beforeAll(() => {
    faults ??= inProcessSandbox();
  });
  it("names the account on the lifecycle and on every token it yields", async () => {
    const options = { baseUrl: faults.url("dynatrace"), token: faults.credentials.dynatrace, fetch: faults.fetch };
    const connected = connect({ "dynatrace:prod": options });
    const single = connect({ dynatrace: options });
    const prod = connected["dynatrace:prod"].tokens;
    expect(prod.account).toBe("prod");
    expect(single.dynatrace.tokens.account).toBeUndefined();
    const created = await prod.create({ name: "accounted", scopes: ["metrics.read"] });
    expect(created.token.account).toBe("prod");
    expect((await prod.get(created.token.id)).account).toBe("prod");
    for await (const token of prod.list()) expect(token.account).toBe("prod");
    for await (const token of single.dynatrace.tokens.list()) {
      expect("account" in token).toBe(true);
      expect(token.account).toBeUndefined();
    }
  });
});
