// The lifecycle fault harness shared by the facade's fault tests (packages/apitokens/test) and
// `npm run faults` (bench/fault-run.mjs): fault kinds as data, one caller per fault with the
// ground truth of what its requests created, and the sandbox lookups the assertions need.
// Plain JavaScript (types in faults.d.mts) so the bench runs it with node as it is. It imports
// neither the clients nor the sandbox: callers pass `connect` and the sandbox.

/** Fast retries so fault runs do not wait on real backoff. */
export const FAST = Object.freeze({ retry: { initialDelayMs: 1, maxDelayMs: 5, jitter: 0 }, timeout: 5_000, deadline: 20_000 });

/**
 * How long a caller whose request meets the sandbox's `timeout` fault waits before giving up
 * (the sandbox answers nothing until the client aborts). Only that caller has this timeout.
 */
export const TIMEOUT_FAULT_MS = 300;

/**
 * The fault kinds, as data. `sandbox` kinds are the sandbox's own (`sandbox.faults.next`);
 * `wrap` kinds are what the sandbox cannot express (a refused connection, a 500, a 2xx whose
 * body ends cleanly but is empty, `{}` or cut inside the secret), made by the caller's fetch.
 * `before`: the server never acts; `after`: it acted, and the answer is lost or spoilt.
 */
export const FAULTS = Object.freeze({
  "refused (before)": { when: "before", wrap: () => Promise.reject(lostConnection("ECONNREFUSED")) },
  "429 (before)": { when: "before", sandbox: { kind: "rate-limit" } },
  "503 (before)": { when: "before", sandbox: { kind: "unavailable" } },
  "reset (before)": { when: "before", sandbox: { kind: "reset" } },
  "malformed (before)": { when: "before", sandbox: { kind: "malformed" } },
  "reset (after)": { when: "after", sandbox: { kind: "reset-after" } },
  "timeout (after)": { when: "after", sandbox: { kind: "timeout" } },
  "500 (after)": { when: "after", wrap: () => Promise.resolve(status(500)) },
  "502 (after)": { when: "after", sandbox: { kind: "bad-gateway" } },
  "504 (after)": { when: "after", sandbox: { kind: "gateway-timeout" } },
  "truncated (after)": { when: "after", sandbox: { kind: "truncated" } },
  "cut in the secret (after)": { when: "after", wrap: (real, text) => Promise.resolve(cutInSecret(real, text)) },
  "empty 2xx (after)": { when: "after", wrap: (real) => Promise.resolve(like(real, "")) },
  "{} 2xx (after)": { when: "after", wrap: (real) => Promise.resolve(like(real, "{}")) },
});
export const FAULT_KINDS = Object.freeze(Object.keys(FAULTS));

/** Valid create input per vendor (a run gives each create its own name). */
export const CREATE = Object.freeze({
  timeweb: { name: "ci-deploy", scopes: ["servers:read"] },
  qernal: { name: "ci-deploy" },
  dynatrace: { name: "ci-deploy", scopes: ["metrics.read"] },
  sematext: { name: "ci-deploy", scopes: ["read"] },
  gitlab: { name: "ci-deploy", scopes: ["read_api"] },
});
export const FAULT_VENDORS = Object.freeze(Object.keys(CREATE));

/** How each vendor rotates (its `capabilities.rotation`), so a harness knows what to fault. */
export const ROTATION = Object.freeze({
  timeweb: "native",
  sematext: "native",
  gitlab: "native-new-id",
  qernal: "replace",
  dynatrace: "replace",
});

/**
 * The spec operation a fault targets, per vendor: the create, the vendor's own rotation, or the
 * old token's delete. GitLab's are the project-token ones (the sandbox configures project 7).
 */
export const OPERATIONS = Object.freeze({
  create: {
    timeweb: "createToken",
    qernal: "auth-tokens-create",
    dynatrace: "createApiToken",
    sematext: "createAppToken",
    gitlab: "createProjectAccessToken",
  },
  reissue: { timeweb: "reissueToken", sematext: "regenerateAppToken_1", gitlab: "rotateProjectAccessToken" },
  delete: {
    timeweb: "deleteToken",
    qernal: "auth-tokens-delete",
    dynatrace: "deleteApiToken",
    sematext: "deleteAppToken_1",
    gitlab: "revokeProjectAccessToken",
  },
});

/** Which requests a wrapped fault hits, by method and path (the sandbox targets by operation id). */
function isTarget(request, target) {
  const { pathname } = new URL(request.url);
  if (target === "create")
    return request.method === "POST" && /\/(api-keys|tokens|apiTokens|access_tokens)$/.test(pathname) && !pathname.includes("oauth2");
  if (target === "reissue") return (request.method === "PUT" && pathname.includes("/api-keys/")) || /\/(regenerate|rotate)$/.test(pathname);
  return request.method === "DELETE";
}

/** Writes go to the sandbox one at a time, so the tokens each one made are known exactly. */
let writes = Promise.resolve();

/**
 * One caller of one vendor: its own clients (through `connect`), at most one fault on its next
 * request to `target`, and `created`, the ids of the tokens its requests made (the ground truth:
 * the sandbox's tokens before and after each of its writes). Call `done()` afterwards: it drops
 * a sandbox fault that no request met.
 */
export function caller(sandbox, connect, vendor, kind, target = "create") {
  const plan = kind === undefined ? undefined : FAULTS[kind];
  if (kind !== undefined && !plan) throw new RangeError(`unknown fault kind ${JSON.stringify(kind)}`);
  if (plan?.sandbox) sandbox.faults.next(vendor, plan.sandbox, { operationId: OPERATIONS[target][vendor] });
  const created = [];
  let wrapsLeft = plan?.wrap ? 1 : 0;
  const fetch = async (request, init) => {
    const hit = wrapsLeft > 0 && isTarget(request, target);
    if (hit) wrapsLeft--;
    if (hit && plan.when === "before") return plan.wrap();
    if (request.method === "GET") return sandbox.fetch(request, init);
    const signal = init?.signal ?? request.signal;
    const turn = writes.then(async () => {
      // A request whose caller gave up while it waited for its turn is never sent, as fetch
      // does; and the turn ends when the caller gives up (the sandbox's `timeout` fault answers
      // nothing until then, and never notices a signal that was aborted before it looked).
      signal?.throwIfAborted();
      const before = new Set(allIds(sandbox, vendor));
      try {
        const response = await Promise.race([sandbox.fetch(request, init), abortOf(signal)]);
        if (!hit) return response;
        return plan.wrap(response, await response.text());
      } finally {
        for (const id of allIds(sandbox, vendor)) if (!before.has(id)) created.push(id);
      }
    });
    writes = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  };
  const options = { ...sandbox.connectOptions(vendor), fetch, ...FAST };
  if (plan?.sandbox?.kind === "timeout") options.timeout = TIMEOUT_FAULT_MS;
  const connected = connect({ [vendor]: options });
  return { tokens: connected[vendor].tokens, created, done: () => sandbox.faults.clear(vendor) };
}

/** Rejects when `signal` aborts (never, without one). */
function abortOf(signal) {
  if (!signal) return new Promise(() => {});
  return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
}

/** Every token id of a vendor in the sandbox, in the unified form (revoked GitLab tokens too). */
export function allIds(sandbox, vendor) {
  const state = sandbox.stateOf(vendor);
  if (vendor === "sematext")
    return sandbox.sematextApps.flatMap((app) => [...(state.app(app)?.tokens.values() ?? [])].map((t) => `${app}:${t.id}`));
  if (vendor === "gitlab") return state.all().map(gitlabId);
  return state.all().map((t) => t.id);
}

function gitlabId(t) {
  return t.kind === "pat" ? `pat:${t.id}` : `${t.kind}:${t.resourceId}:${t.id}`;
}

/** The secret that works for a token now: `undefined` when it is gone (or revoked, for GitLab). */
export function storedSecret(sandbox, vendor, id) {
  const state = sandbox.stateOf(vendor);
  if (vendor === "sematext") {
    const [app, token] = id.split(":").map(Number);
    return state.get(app ?? 0, token ?? 0)?.token;
  }
  if (vendor === "gitlab") {
    const token = state.get(Number(id.split(":").at(-1)));
    return token && !token.revoked ? token.secret : undefined;
  }
  return state.get(id)?.secret;
}

/** Ids of the live tokens (whose secret works) of one vendor with this name. */
export function namedInSandbox(sandbox, vendor, name) {
  const state = sandbox.stateOf(vendor);
  if (vendor === "sematext")
    return sandbox.sematextApps.flatMap((app) =>
      [...(state.app(app)?.tokens.values() ?? [])].filter((t) => t.name === name).map((t) => `${app}:${t.id}`),
    );
  if (vendor === "gitlab")
    return state
      .all()
      .filter((t) => t.name === name && !t.revoked)
      .map(gitlabId);
  return state
    .all()
    .filter((t) => t.name === name)
    .map((t) => t.id);
}

/** The ids an error names as created or possibly created (read by field, not by class). */
export function namedBy(error) {
  if (!(error instanceof Error)) return [];
  if (error.name === "SecretLostError") return [error.token.id];
  if (error.name === "CreateOutcomeUnknownError") return error.candidates.map((t) => t.id);
  if (error.name === "RotationError")
    return [error.replacement?.token.id, error.lostReplacement?.id, ...error.candidates.map((t) => t.id)].filter(Boolean);
  return [];
}

/** Every way an error can be shown: JSON, util.inspect (with causes), message and stack. */
export function everyRendering(error, inspect) {
  const parts = [inspect(error, { depth: 10, showHidden: false }), String(error)];
  try {
    parts.push(JSON.stringify(error));
  } catch {}
  let cause = error;
  for (let depth = 0; cause instanceof Error && depth < 10; depth++) {
    parts.push(cause.message, cause.stack ?? "", JSON.stringify(Object.entries(cause)));
    cause = cause.cause;
  }
  return parts.join("\n");
}

/** Whether `text` holds any `size`-character piece of `secret`. */
export function holdsFragment(text, secret, size = 8) {
  for (let i = 0; i + size <= secret.length; i++) if (text.includes(secret.slice(i, i + size))) return true;
  return false;
}

/** The part of a secret that is secret (a Dynatrace token's public id, a Qernal token's id and a Timeweb JWT's header and payload are not). */
export function secretPart(vendor, secret) {
  if (vendor === "dynatrace") return secret.split(".")[2] ?? secret;
  if (vendor === "qernal") return secret.slice(secret.indexOf("@") + 1);
  if (vendor === "timeweb") return secret.slice(secret.lastIndexOf(".") + 1);
  if (vendor === "gitlab") return secret.slice("glpat-".length);
  return secret;
}

/** A connection lost: what undici throws (`ECONNREFUSED`: it never reached the server). */
export function lostConnection(code = "ECONNRESET") {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error(code === "ECONNREFUSED" ? "connect ECONNREFUSED" : "socket hang up"), { code }),
  });
}

function status(code) {
  return new Response(JSON.stringify({ message: `scripted ${code}` }), { status: code, headers: { "content-type": "application/json" } });
}
function like(real, body) {
  return new Response(body, { status: real.status, headers: real.headers });
}
/** The answer, ending cleanly in the middle of the secret it carries. */
function cutInSecret(real, text) {
  const secret = /"token"\s*:\s*"([^"]+)"/.exec(text);
  const cut = secret ? secret.index + secret[0].length - Math.ceil(secret[1].length / 2) : Math.floor(text.length / 2);
  return like(real, text.slice(0, cut));
}
