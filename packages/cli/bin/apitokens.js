#!/usr/bin/env node
// The `apitokens` executable. Committed (not built), so npm can link it at install time, before
// the build exists. It loads the bundled start path (scripts/bundle.mjs), not dist/.
import "../bundle/bin.js";
