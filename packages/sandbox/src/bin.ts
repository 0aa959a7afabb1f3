#!/usr/bin/env node
// The `apitokens-sandbox` command: starts the sandbox in the foreground until Ctrl-C. Its
// vendor list, vendor flags and printed connect options come from the vendor descriptors.
import { parseArgs } from "node:util";
import type { SandboxOptions } from "./options.js";
import { type RunningSandbox, startSandbox } from "./start.js";
import type { BinFlag } from "./vendors/descriptor.js";
import { DESCRIPTORS, isVendor, VENDORS, type Vendor } from "./vendors.js";

/** What the command does without flags, as data. */
const CLI_DEFAULTS = Object.freeze({ port: 4747, host: "127.0.0.1", seed: "demo", latency: 0 });

/** The vendor-specific flags every descriptor declares. */
const VENDOR_FLAGS: readonly BinFlag[] = VENDORS.flatMap((vendor) => DESCRIPTORS[vendor].flags ?? []);
const names = VENDORS.map((vendor) => DESCRIPTORS[vendor].displayName);
const column = (text: string) => text.padEnd(20);

const USAGE = `Usage: apitokens-sandbox [options]

Starts local, stateful emulators of the ${names.slice(0, -1).join(", ")} and ${names.at(-1)} token
APIs on one HTTP server, prints what a client needs for each (its connect options: base URL,
token and extras such as a token URL), and runs until Ctrl-C.

Options:
  --port <n>          port to listen on; 0 picks a free one (default ${CLI_DEFAULTS.port})
  --host <address>    interface to listen on (default ${CLI_DEFAULTS.host})
  --seed <text>       seed of the deterministic state (default "${CLI_DEFAULTS.seed}")
  --tokens <n|list>   seeded tokens for every vendor (e.g. 20000), or per vendor
                      (e.g. dynatrace=1200,timeweb=50); vendors: ${VENDORS.join(", ")}
  --accounts <list>   named accounts per vendor, e.g. dynatrace=prod+staging,timeweb=a+b
  --latency <ms>      a fixed delay before every answer (default ${CLI_DEFAULTS.latency})
  --cors              let pages on other origins call it (CORS, off by default)
${VENDOR_FLAGS.map((flag) => `  ${column(`--${flag.flag} <${flag.choices.join("|")}>`)}${flag.help}`).join("\n")}
  --json              print one JSON document (connect options per vendor) instead of text
  --help              show this help`;

function fail(message: string): never {
  process.stderr.write(`apitokens-sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** `--tokens 20000` or `--tokens dynatrace=1200,timeweb=50`. */
function parseTokens(text: string | undefined): SandboxOptions["tokens"] {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const counts: Partial<Record<Vendor, number>> = {};
  for (const item of text.split(",")) {
    const [vendor = "", count = ""] = item.split("=");
    if (!isVendor(vendor) || !/^\d+$/.test(count))
      fail(`--tokens expects a count or vendor=count pairs (vendors: ${VENDORS.join(", ")}), got "${item}"`);
    counts[vendor] = Number(count);
  }
  return counts;
}

/** `--accounts dynatrace=prod+staging,timeweb=a`. */
function parseAccounts(text: string | undefined): SandboxOptions["accounts"] {
  if (text === undefined) return undefined;
  const accounts: Partial<Record<Vendor, string[]>> = {};
  for (const item of text.split(",")) {
    const [vendor = "", list = ""] = item.split("=");
    if (!isVendor(vendor) || !list) fail(`--accounts expects vendor=name+name pairs (vendors: ${VENDORS.join(", ")}), got "${item}"`);
    accounts[vendor] = list.split("+");
  }
  return accounts;
}

let args: Record<string, string | boolean | undefined>;
try {
  args = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      tokens: { type: "string" },
      accounts: { type: "string" },
      latency: { type: "string" },
      cors: { type: "boolean" },
      ...Object.fromEntries(VENDOR_FLAGS.map((flag) => [flag.flag, { type: "string" as const }])),
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const text = (name: string) => (typeof args[name] === "string" ? (args[name] as string) : undefined);
const port = text("port") === undefined ? CLI_DEFAULTS.port : Number(text("port"));
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${text("port")}"`);
const latency = text("latency") === undefined ? CLI_DEFAULTS.latency : Number(text("latency"));
if (!(Number.isFinite(latency) && latency >= 0) || !/^\d+(\.\d+)?$/.test(text("latency") ?? "0"))
  fail(`--latency must be a number of milliseconds >= 0, got "${text("latency")}"`);
const vendorOptions: Record<string, string> = {};
for (const flag of VENDOR_FLAGS) {
  const value = text(flag.flag);
  if (value === undefined) continue;
  if (!flag.choices.includes(value)) fail(`--${flag.flag} must be ${flag.choices.join(" or ")}, got "${value}"`);
  vendorOptions[flag.option] = value;
}

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

let sandbox: RunningSandbox;
try {
  sandbox = await startSandbox({
    ...(vendorOptions as Partial<SandboxOptions>),
    port,
    host: text("host") ?? CLI_DEFAULTS.host,
    seed: text("seed") ?? CLI_DEFAULTS.seed,
    tokens: parseTokens(text("tokens")),
    accounts: parseAccounts(text("accounts")),
    latencyMs: latency,
    cors: args.cors === true,
  });
} catch (error) {
  fail(`cannot start: ${(error as Error).message}`);
}
running = sandbox;

/** Every account's connect options, per vendor: exactly what each client's options take. */
const vendors = Object.fromEntries(
  VENDORS.map((vendor) => [
    vendor,
    Object.fromEntries(sandbox.accounts[vendor].map((account) => [account, sandbox.connectOptions(vendor, account)])),
  ]),
);

if (args.json) {
  process.stdout.write(
    `${JSON.stringify({
      origin: sandbox.origin,
      seed: sandbox.seed ?? null,
      vendors,
      // The shape before accounts existed, for scripts that read it (first account of each vendor).
      urls: Object.fromEntries(VENDORS.map((vendor) => [vendor, sandbox.url(vendor)])),
      tokenUrl: sandbox.tokenUrl,
      credentials: sandbox.credentials,
      sematextApps: sandbox.sematextApps,
    })}\n`,
  );
} else {
  const lines = [`apitokens sandbox listening on ${sandbox.origin} (seed "${sandbox.seed}")`, ""];
  for (const vendor of VENDORS) {
    for (const [account, options] of Object.entries(vendors[vendor] ?? {})) {
      const label = account === "default" ? vendor : `${vendor}:${account}`;
      const entries = Object.entries(options as Record<string, unknown>);
      entries.forEach(([key, value], index) => {
        const shown = Array.isArray(value) ? value.join(", ") : String(value);
        lines.push(`  ${(index === 0 ? label : "").padEnd(20)}${key.padEnd(10)}${shown}`);
      });
    }
  }
  lines.push("", "Press Ctrl-C to stop.", "");
  process.stdout.write(lines.join("\n"));
}
