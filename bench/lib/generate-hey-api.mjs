#!/usr/bin/env node
// Generates the hey-api peer from a spec, in a process of its own so its wall time compares
// with `node scripts/generate.mjs <vendor> --check` (also a fresh process).
//
//   node bench/lib/generate-hey-api.mjs <spec.yaml> <output dir>
import { createClient } from "@hey-api/openapi-ts";

/** The hey-api plugins that make a fetch client with one SDK function per operation. */
export const HEY_API_PLUGINS = ["@hey-api/client-fetch", "@hey-api/sdk", "@hey-api/typescript"];

const [input, path] = process.argv.slice(2);
if (!input || !path) {
  console.error("usage: node bench/lib/generate-hey-api.mjs <spec.yaml> <output dir>");
  process.exit(2);
}
await createClient({ input, output: { path }, plugins: HEY_API_PLUGINS, logs: { level: "silent" } });
