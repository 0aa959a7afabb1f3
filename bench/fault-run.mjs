#!/usr/bin/env node
// npm run faults: the unified lifecycle under faults, against the in-process sandbox (issue 12).
// Creates and rotations over the four vendors, every fault kind before and after the vendor
// acted, same-name tokens held by someone else, and concurrent same-name creates. The fetch
// handed to each client records which tokens each call's requests created (the ground truth),
// then the run counts what must never happen. Not part of `npm test`: it is a script.
//
//   node fault-run.mjs [--creates 1200] [--rotations 320] [--seed faults]
import { inspect, parseArgs } from "node:util";
import { createSandbox } from "@apitokens/sandbox";
import { CreateOutcomeUnknownError, connect, isApiTokensError, RotationError, SecretLostError, TimeoutError } from "apitokens";

const { values } = parseArgs({
  options: {
    creates: { type: "string", default: "1200" },
    rotations: { type: "string", default: "320" },
    seed: { type: "string", default: "faults" },
  },
});
const CREATES = Number(values.creates);
const ROTATIONS = Number(values.rotations);
const VENDORS = ["timeweb", "qernal", "dynatrace", "sematext"];
const CREATE = {
  timeweb: { scopes: ["servers:read"] },
  qernal: {},
  dynatrace: { scopes: ["metrics.read"] },
  sematext: { scopes: ["read"] },
};
const FAST = { retry: { initialDelayMs: 1, maxDelayMs: 5, jitter: 0 }, timeout: 5_000, deadline: 20_000 };

const lost = (code = "ECONNRESET") => new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
const status = (code) =>
  new Response(JSON.stringify({ message: `scripted ${code}` }), { status: code, headers: { "content-type": "application/json" } });
const like = (real, body) => new Response(body, { status: real.status, headers: real.headers });
function truncated(real, text) {
  const m = /"token"\s*:\s*"([^"]+)"/.exec(text);
  return like(real, text.slice(0, m ? m.index + m[0].length - Math.ceil(m[1].length / 2) : text.length >> 1));
}
/** The fault kinds: before = the sandbox never sees the request; after = it acted, then the answer is lost or spoilt. */
const FAULTS = {
  none: { when: "none" },
  "refused (before)": { when: "before", fail: () => Promise.reject(lost("ECONNREFUSED")) },
  "429 (before)": { when: "before", fail: () => status(429) },
  "503 (before)": { when: "before", fail: () => status(503) },
  "reset (before)": { when: "before", fail: () => Promise.reject(lost()) },
  "reset (after)": { when: "after", fail: () => Promise.reject(lost()) },
  "timeout (after)": {
    when: "after",
    fail: () => Promise.reject(new TimeoutError("timed out after 30000 ms (one attempt)", { kind: "attempt", timeoutMs: 30_000 })),
  },
  "500 (after)": { when: "after", fail: () => status(500) },
  "502 (after)": { when: "after", fail: () => status(502) },
  "504 (after)": { when: "after", fail: () => status(504) },
  "truncated (after)": { when: "after", fail: truncated },
  "empty 2xx (after)": { when: "after", fail: (real) => like(real, "") },
  "{} 2xx (after)": { when: "after", fail: (real) => like(real, "{}") },
};
const KINDS = Object.keys(FAULTS);

function isTarget(request, target) {
  const { pathname } = new URL(request.url);
  if (target === "create") return request.method === "POST" && /\/(api-keys|tokens|apiTokens)$/.test(pathname);
  if (target === "reissue") return (request.method === "PUT" && pathname.includes("/api-keys/")) || pathname.endsWith("/regenerate");
  return request.method === "DELETE";
}
function answeredId(request, text) {
  try {
    const body = JSON.parse(text);
    if (body.api_key?.id) return body.api_key.id;
    if (body.data?.token?.id !== undefined) return `${/apps\/(\d+)/.exec(request.url)?.[1]}:${body.data.token.id}`;
    return typeof body.id === "string" ? body.id : undefined;
  } catch {
    return undefined;
  }
}

const sandbox = createSandbox({ seed: values.seed });
/** One caller: its own clients, a fault on the next matching request, and a record of what its creates made. */
function caller(kind = "none", target = "create") {
  const created = [];
  let left = kind === "none" ? 0 : 1;
  const fetch = async (request, init) => {
    const hit = left > 0 && isTarget(request, target);
    if (hit) left--;
    const plan = hit ? FAULTS[kind] : undefined;
    if (plan?.when === "before") return plan.fail();
    const response = await sandbox.fetch(request, init);
    if (isTarget(request, "create") && response.ok) {
      const id = answeredId(request, await response.clone().text());
      if (id) created.push(id);
    }
    return plan ? plan.fail(response, await response.text()) : response;
  };
  const connected = connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb, fetch, ...FAST },
    qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal, fetch, ...FAST },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, fetch, ...FAST },
    sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps, fetch, ...FAST },
  });
  return { connected, created };
}

function stored(vendor, id) {
  const s = sandbox.state;
  if (vendor === "sematext") {
    const [app, token] = id.split(":").map(Number);
    return s.sematext.get(app, token)?.token;
  }
  return s[vendor].get(id)?.secret;
}
function named(vendor, name) {
  const s = sandbox.state;
  if (vendor === "sematext")
    return sandbox.sematextApps.flatMap((app) =>
      [...(s.sematext.app(app)?.tokens.values() ?? [])].filter((t) => t.name === name).map((t) => `${app}:${t.id}`),
    );
  return s[vendor]
    .all()
    .filter((t) => t.name === name)
    .map((t) => t.id);
}
function secretPart(vendor, secret) {
  if (vendor === "dynatrace") return secret.split(".")[2] ?? secret;
  if (vendor === "qernal") return secret.slice(secret.indexOf("@") + 1);
  if (vendor === "timeweb") return secret.slice(secret.lastIndexOf(".") + 1);
  return secret;
}
function rendering(error) {
  const parts = [inspect(error, { depth: 10 }), String(error)];
  try {
    parts.push(JSON.stringify(error));
  } catch {}
  for (let c = error, d = 0; c instanceof Error && d < 10; c = c.cause, d++)
    parts.push(c.message, c.stack ?? "", JSON.stringify(Object.entries(c)));
  return parts.join("\n");
}
function holdsFragment(text, secret, size = 8) {
  for (let i = 0; i + size <= secret.length; i++) if (text.includes(secret.slice(i, i + size))) return true;
  return false;
}
function namedBy(error) {
  if (error instanceof SecretLostError) return [error.token.id];
  if (error instanceof CreateOutcomeUnknownError) return error.candidates.map((t) => t.id);
  if (error instanceof RotationError)
    return [error.replacement?.token.id, error.lostReplacement?.id, ...error.candidates.map((t) => t.id)].filter(Boolean);
  return [];
}

const counts = {
  creates: 0,
  rotations: 0,
  duplicates: 0,
  foreignAdoptions: 0,
  createdButUnnamed: 0,
  rotationsWithoutWorkingCredential: 0,
  untypedErrors: 0,
  secretsInErrors: 0,
  othersSecretBroken: 0,
};
const outcomes = {};
const tally = (key) => {
  outcomes[key] = (outcomes[key] ?? 0) + 1;
};
let serial = 0;
const freshName = () => `run-${(serial++).toString(26).replace(/[0-9]/g, (d) => "qrstuvwxyz"[d])}`;

/** Checks one failed or succeeded create of `name` by a caller whose creates made `mine`. */
function checkCreate(vendor, result, mine, others) {
  counts.creates++;
  if (mine.length > 1) counts.duplicates++;
  if (result instanceof Error) {
    tally(`create ${result.name}`);
    if (!isApiTokensError(result)) counts.untypedErrors++;
    const text = rendering(result);
    const secrets = [...mine.map((id) => stored(vendor, id)), ...others.map((o) => o.secret)].filter(Boolean);
    if (secrets.some((s) => holdsFragment(text, secretPart(vendor, s)))) counts.secretsInErrors++;
    if (mine.some((id) => !namedBy(result).includes(id))) counts.createdButUnnamed++;
    if (result instanceof SecretLostError && !mine.includes(result.token.id)) counts.foreignAdoptions++;
  } else {
    tally(result.reconciled ? "create reconciled" : "create ok");
    if (!mine.includes(result.token.id)) counts.foreignAdoptions++;
  }
}

async function oneCreate(i) {
  const vendor = VENDORS[i % VENDORS.length];
  const kind = KINDS[Math.floor(i / VENDORS.length) % KINDS.length];
  const name = freshName();
  const others = [];
  // Every third name is held by someone else already.
  if (i % 3 === 0) {
    const other = await caller().connected[vendor].tokens.create({ ...CREATE[vendor], name });
    others.push({ id: other.token.id, secret: other.secret.reveal() });
  }
  // Every fifth create races another caller creating the same name (that one with its own fault).
  if (i % 5 === 0) {
    const a = caller(kind);
    const b = caller(KINDS[(i * 7) % KINDS.length]);
    const [ra, rb] = await Promise.all([a, b].map((c) => c.connected[vendor].tokens.create({ ...CREATE[vendor], name }).catch((e) => e)));
    checkCreate(vendor, ra, a.created, others);
    checkCreate(vendor, rb, b.created, others);
    // A token one caller made must not be what the other was handed.
    if (!(ra instanceof Error) && b.created.includes(ra.token.id)) counts.foreignAdoptions++;
    if (!(rb instanceof Error) && a.created.includes(rb.token.id)) counts.foreignAdoptions++;
  } else {
    const c = caller(kind);
    const result = await c.connected[vendor].tokens.create({ ...CREATE[vendor], name }).catch((e) => e);
    checkCreate(vendor, result, c.created, others);
  }
  for (const other of others) if (stored(vendor, other.id) !== other.secret) counts.othersSecretBroken++;
}

async function oneRotation(i) {
  const vendor = VENDORS[i % VENDORS.length];
  const kind = KINDS[Math.floor(i / VENDORS.length) % KINDS.length];
  const native = vendor === "timeweb" || vendor === "sematext";
  const target = native ? "reissue" : i % 2 === 0 ? "create" : "delete";
  const name = freshName();
  const old = await caller().connected[vendor].tokens.create({ ...CREATE[vendor], name });
  const c = caller(kind, target);
  const result = await c.connected[vendor].tokens.rotate(old.token.id, { revokeOld: "delete" }).catch((e) => e);
  counts.rotations++;
  const oldWorks = stored(vendor, old.token.id) === old.secret.reveal();
  const same = named(vendor, name);
  if (same.length > 2) counts.duplicates++;
  if (!(result instanceof Error)) {
    tally(`rotate ${result.reconciled ? "reconciled" : "ok"}`);
    if (stored(vendor, result.token.id) !== result.secret.reveal()) counts.rotationsWithoutWorkingCredential++;
    if (!native && !c.created.includes(result.token.id)) counts.foreignAdoptions++;
    return;
  }
  tally(`rotate ${result.name}${result instanceof RotationError ? ` ${result.state}` : ""}`);
  if (!isApiTokensError(result)) counts.untypedErrors++;
  const text = rendering(result);
  if (
    [old.secret.reveal(), ...same.map((id) => stored(vendor, id))].filter(Boolean).some((s) => holdsFragment(text, secretPart(vendor, s)))
  )
    counts.secretsInErrors++;
  const replacement = result instanceof RotationError ? result.replacement : undefined;
  const replacementWorks = replacement !== undefined && stored(vendor, replacement.token.id) === replacement.secret.reveal();
  if (!oldWorks && !replacementWorks) counts.rotationsWithoutWorkingCredential++;
  if (same.filter((id) => id !== old.token.id).some((id) => !namedBy(result).includes(id))) counts.createdButUnnamed++;
  if (result instanceof RotationError && result.oldSecretWorks !== undefined && result.oldSecretWorks !== oldWorks) counts.untypedErrors++;
}

let i = 0;
while (counts.creates < CREATES) await oneCreate(i++);
for (let r = 0; r < ROTATIONS; r++) await oneRotation(r);

const MUST_BE_ZERO = [
  "duplicates",
  "foreignAdoptions",
  "createdButUnnamed",
  "rotationsWithoutWorkingCredential",
  "untypedErrors",
  "secretsInErrors",
  "othersSecretBroken",
];
console.log(
  `fault run (seed ${values.seed}): ${counts.creates} creates, ${counts.rotations} rotations over ${VENDORS.length} vendors, ${KINDS.length - 1} fault kinds plus none`,
);
for (const key of MUST_BE_ZERO) console.log(`  ${key.padEnd(36)} ${counts[key]}`);
console.log("outcomes:");
for (const [key, n] of Object.entries(outcomes).sort()) console.log(`  ${key.padEnd(48)} ${n}`);
const failed = MUST_BE_ZERO.filter((key) => counts[key] !== 0);
if (failed.length) {
  console.error(`not zero: ${failed.join(", ")}`);
  process.exitCode = 1;
}
