#!/usr/bin/env node
import { processIo } from "./io.js";
import { main } from "./main.js";

// No top-level await: bin/apitokens.js loads this module with require(), which refuses a module that awaits at its top level.
main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
