#!/usr/bin/env node
// Committed so that npm can link the command at install time, before `dist/` is built.
await import("../dist/bin.js");
