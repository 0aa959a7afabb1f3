#!/usr/bin/env node
import { EXIT } from "./exit-codes.js";
import { outputOutcome, processIo } from "./io.js";
import { main } from "./main.js";

const io = processIo();
// No top-level await: the build bundles this module into CommonJS (bundle/start.cjs, scripts/bundle.mjs), which has none.
main(process.argv.slice(2), io).then(async (code) => {
  // Output handed to process.stdout after a full pipe is still on its way: its outcome counts.
  const { closed, failure } = await outputOutcome(io);
  if (failure !== undefined) {
    // Not a reader that left: a file on a full disk, a broken device. The output is cut short and must not pass for whole.
    io.stderr.write(`apitokens: writing standard output failed (${failure}); the output is incomplete\n`);
    process.exitCode = code === EXIT.ok ? EXIT.outputFailed : code;
    return;
  }
  // A reader that stopped early (`| head`) gets no error text and no stack trace: a quiet 141, as if by SIGPIPE.
  process.exitCode = code === EXIT.ok && closed ? EXIT.closed : code;
});
