// Preloaded with --require in tests: at exit, reports every CommonJS module of this workspace the
// process loaded (the ES module ones are reported by load-hook.mjs), in the same format.
const { pathToFileURL } = require("node:url");
const { writeSync } = require("node:fs");

process.on("exit", () => {
  for (const file of Object.keys(require.cache)) if (file.includes("/packages/")) writeSync(2, `loaded ${pathToFileURL(file).href}\n`);
});
