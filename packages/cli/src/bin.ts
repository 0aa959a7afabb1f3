#!/usr/bin/env node
import { EXIT } from "./exit-codes.js";
import { outputClosed, processIo } from "./io.js";
import { main } from "./main.js";

const io = processIo();
// No top-level await: the build bundles this module into CommonJS (bundle/start.cjs, scripts/bundle.mjs), which has none.
main(process.argv.slice(2), io).then((code) => {
  // A reader that stopped early (`| head`) gets no error text and no stack trace: a quiet 141, as if by SIGPIPE.
  process.exitCode = code === EXIT.ok && outputClosed(io) ? EXIT.closed : code;
});
