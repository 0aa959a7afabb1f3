#!/usr/bin/env node
// The `apitokens` executable. Committed (not built), so npm can link it at install time, before dist/ exists.
import "../dist/bin.js";
