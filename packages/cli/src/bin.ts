#!/usr/bin/env node
import { processIo } from "./io.js";
import { main } from "./main.js";

// No top-level await: the build bundles this module into CommonJS (bundle/start.cjs, scripts/bundle.mjs), which has none.
main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
