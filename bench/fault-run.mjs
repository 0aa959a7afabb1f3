#!/usr/bin/env node
// npm run faults: the unified lifecycle under faults, against the in-process sandbox (issue 12).
// Creates and rotations over the five vendors, every fault kind before and after the vendor
// acted (the sandbox's own fault options where it has the kind, a fetch wrapper for the rest),
// same-name tokens held by someone else, and concurrent same-name creates. The harness
// (@apitokens/testing/faults, shared with the facade's fault tests) records which tokens each
// caller's requests created (the ground truth), then the run counts what must never happen.
// Not part of `npm test`: it is a script.
//
//   node fault-run.mjs [--creates 1200] [--rotations 320] [--seed faults]
import { inspect, parseArgs } from "node:util";
import { createSandbox } from "@apitokens/sandbox";
import {
  CREATE,
  caller,
  everyRendering,
  FAULT_KINDS,
  FAULT_VENDORS,
  holdsFragment,
  namedBy,
  namedInSandbox,
  ROTATION,
  secretPart,
  storedSecret,
} from "@apitokens/testing/faults";
import { connect, isApiTokensError, RotationError, SecretLostError } from "apitokens";

const { values } = parseArgs({
  options: {
    creates: { type: "string", default: "1200" },
    rotations: { type: "string", default: "320" },
    seed: { type: "string", default: "faults" },
  },
});
const CREATES = Number(values.creates);
const ROTATIONS = Number(values.rotations);
const VENDORS = FAULT_VENDORS;
/** `none` plus every fault kind of the harness (the sandbox's own where it has the kind). */
const KINDS = ["none", ...FAULT_KINDS];

const sandbox = createSandbox({ seed: values.seed });
/** One caller of `vendor`: its own clients, at most one fault, and what its requests created. */
const callerOf = (vendor, kind = "none", target = "create") => caller(sandbox, connect, vendor, kind === "none" ? undefined : kind, target);
const stored = (vendor, id) => storedSecret(sandbox, vendor, id);
const named = (vendor, name) => namedInSandbox(sandbox, vendor, name);
const rendering = (error) => everyRendering(error, inspect);
/** What a caller created that still works (GitLab keeps revoked tokens listed). */
const live = (vendor, ids) => ids.filter((id) => stored(vendor, id) !== undefined);

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

/** Checks one failed or succeeded create of `name` by a caller whose requests made `created`. */
function checkCreate(vendor, result, created, others) {
  counts.creates++;
  const mine = live(vendor, created);
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
    const other = await callerOf(vendor).tokens.create({ ...CREATE[vendor], name });
    others.push({ id: other.token.id, secret: other.secret.reveal() });
  }
  // Every fifth create races another caller creating the same name (that one with its own fault).
  if (i % 5 === 0) {
    const a = callerOf(vendor, kind);
    const b = callerOf(vendor, KINDS[(i * 7) % KINDS.length]);
    const [ra, rb] = await Promise.all([a, b].map((c) => c.tokens.create({ ...CREATE[vendor], name }).catch((e) => e)));
    a.done();
    checkCreate(vendor, ra, a.created, others);
    checkCreate(vendor, rb, b.created, others);
    // A token one caller made must not be what the other was handed.
    if (!(ra instanceof Error) && b.created.includes(ra.token.id)) counts.foreignAdoptions++;
    if (!(rb instanceof Error) && a.created.includes(rb.token.id)) counts.foreignAdoptions++;
  } else {
    const c = callerOf(vendor, kind);
    const result = await c.tokens.create({ ...CREATE[vendor], name }).catch((e) => e);
    c.done();
    checkCreate(vendor, result, c.created, others);
  }
  for (const other of others) if (stored(vendor, other.id) !== other.secret) counts.othersSecretBroken++;
}

async function oneRotation(i) {
  const vendor = VENDORS[i % VENDORS.length];
  const kind = KINDS[Math.floor(i / VENDORS.length) % KINDS.length];
  const rotation = ROTATION[vendor];
  const target = rotation !== "replace" ? "reissue" : i % 2 === 0 ? "create" : "delete";
  const name = freshName();
  const old = await callerOf(vendor).tokens.create({ ...CREATE[vendor], name });
  const c = callerOf(vendor, kind, target);
  const result = await c.tokens.rotate(old.token.id, { revokeOld: "delete" }).catch((e) => e);
  c.done();
  counts.rotations++;
  const oldWorks = stored(vendor, old.token.id) === old.secret.reveal();
  const same = named(vendor, name);
  if (same.length > 2) counts.duplicates++;
  if (!(result instanceof Error)) {
    tally(`rotate ${result.reconciled ? "reconciled" : "ok"}`);
    if (stored(vendor, result.token.id) !== result.secret.reveal()) counts.rotationsWithoutWorkingCredential++;
    if (rotation !== "native" && !c.created.includes(result.token.id)) counts.foreignAdoptions++;
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
  `fault run (seed ${values.seed}): ${counts.creates} creates, ${counts.rotations} rotations over ${VENDORS.length} vendors (${VENDORS.join(", ")}), ${KINDS.length - 1} fault kinds plus none`,
);
for (const key of MUST_BE_ZERO) console.log(`  ${key.padEnd(36)} ${counts[key]}`);
console.log("outcomes:");
for (const [key, n] of Object.entries(outcomes).sort()) console.log(`  ${key.padEnd(48)} ${n}`);
const failed = MUST_BE_ZERO.filter((key) => counts[key] !== 0);
if (failed.length) {
  console.error(`not zero: ${failed.join(", ")}`);
  process.exitCode = 1;
}
