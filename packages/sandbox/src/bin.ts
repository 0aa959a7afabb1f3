#!/usr/bin/env node
// The `apitokens-sandbox` command: starts the sandbox in the foreground until Ctrl-C.
import { parseArgs } from "node:util";
import { type RunningSandbox, startSandbox } from "./start.js";
import type { Vendor } from "./vendors.js";
import { isVendor, VENDORS } from "./vendors.js";

/** What the command does without flags, as data. */
const CLI_DEFAULTS = Object.freeze({ port: 4747, host: "127.0.0.1", seed: "demo" });

const USAGE = `Usage: apitokens-sandbox [options]

Starts local, stateful emulators of the Timeweb Cloud, Qernal, Dynatrace and Sematext token
APIs on one HTTP server, prints their base URLs and credentials, and runs until Ctrl-C.

Options:
  --port <n>          port to listen on; 0 picks a free one (default ${CLI_DEFAULTS.port})
  --host <address>    interface to listen on (default ${CLI_DEFAULTS.host})
  --seed <text>       seed of the deterministic state (default "${CLI_DEFAULTS.seed}")
  --tokens <list>     seeded tokens per vendor, e.g. dynatrace=1200,timeweb=50
  --qernal-list <s>   Qernal list body: object (seed-era, default) or array (2025-09-15)
  --cors              let pages on other origins call it (CORS, off by default)
  --json              print one JSON line (urls, credentials) instead of the text summary
  --help              show this help`;

function fail(message: string): never {
  process.stderr.write(`apitokens-sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseTokens(text: string | undefined): Partial<Record<Vendor, number>> | undefined {
  if (text === undefined) return undefined;
  const counts: Partial<Record<Vendor, number>> = {};
  for (const item of text.split(",")) {
    const [vendor = "", count = ""] = item.split("=");
    if (!isVendor(vendor) || !/^\d+$/.test(count))
      fail(`--tokens expects vendor=count pairs (vendors: ${VENDORS.join(", ")}), got "${item}"`);
    counts[vendor] = Number(count);
  }
  return counts;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      tokens: { type: "string" },
      "qernal-list": { type: "string" },
      cors: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = args.port === undefined ? CLI_DEFAULTS.port : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${args.port}"`);
const listShape = args["qernal-list"];
if (listShape !== undefined && listShape !== "object" && listShape !== "array")
  fail(`--qernal-list must be object or array, got "${listShape}"`);

// Handlers first: a caller that signals as soon as the URLs appear must still get a clean exit.
let running: RunningSandbox | undefined;
let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  await running?.close();
  if (!args.json) process.stdout.write(`\nstopped (${signal})\n`);
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));

const sandbox = await startSandbox({
  port,
  host: args.host ?? CLI_DEFAULTS.host,
  seed: args.seed ?? CLI_DEFAULTS.seed,
  tokens: parseTokens(args.tokens),
  qernalListShape: listShape,
  cors: args.cors ?? false,
}).catch((error: unknown) => fail(`cannot start: ${(error as Error).message}`));
running = sandbox;

if (args.json) {
  const urls = Object.fromEntries(VENDORS.map((vendor) => [vendor, sandbox.url(vendor)]));
  process.stdout.write(
    `${JSON.stringify({ origin: sandbox.origin, urls, tokenUrl: sandbox.tokenUrl, credentials: sandbox.credentials, sematextApps: sandbox.sematextApps })}\n`,
  );
} else {
  const { credentials } = sandbox;
  process.stdout.write(
    [
      `apitokens sandbox listening on ${sandbox.origin} (seed "${sandbox.seed}")`,
      "",
      `  dynatrace  ${sandbox.url("dynatrace")}`,
      `             Authorization: Api-Token ${credentials.dynatrace}`,
      `  qernal     ${sandbox.url("qernal")}`,
      `             token ${credentials.qernal}`,
      `             exchange at ${sandbox.tokenUrl} (client credentials)`,
      `  sematext   ${sandbox.url("sematext")}   apps ${sandbox.sematextApps.join(", ")}`,
      `             Authorization: apiKey ${credentials.sematext}`,
      `  timeweb    ${sandbox.url("timeweb")}`,
      `             Authorization: Bearer ${credentials.timeweb}`,
      "",
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}
