#!/usr/bin/env node
// The `apitokens` executable. Committed (not built), so npm can link it at install time, before
// the build exists. CommonJS (bin/package.json), like the bundled start it loads
// (bundle/start.cjs, see scripts/bundle.mjs): an ES module entry would start Node's asynchronous
// module loader, and libuv's thread pool for its file reads, before `--help` could print a line.
require("../bundle/start.cjs");
